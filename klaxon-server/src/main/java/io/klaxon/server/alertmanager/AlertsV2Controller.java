package io.klaxon.server.alertmanager;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Suppressor;
import io.klaxon.server.alertmanager.AlertAttributes.Via;
import io.klaxon.server.alertmanager.PostedAlert.Fault;
import io.klaxon.server.security.DefaultActor;
import io.klaxon.server.suppress.SuppressionsInForce;
import io.klaxon.suppress.Labels;
import io.klaxon.suppress.SilenceBook;
import io.klaxon.suppress.Suppressions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Alertmanager's v2 alert endpoints: Prometheus posts here, amtool and Grafana read here. */
@RestController
@RequestMapping("/api/v2")
@Tag(name = "alertmanager")
class AlertsV2Controller {

  /** How long the regular expressions of one list request may run, in all. */
  private static final Duration MATCH_BUDGET = Duration.ofSeconds(2);

  private final AlertIntake intake;
  private final ActiveAlerts active;
  private final AlertmanagerSettings settings;
  private final SilenceBook silences;
  private final SuppressionsInForce inForce;

  AlertsV2Controller(
      AlertIntake intake,
      ActiveAlerts active,
      AlertmanagerSettings settings,
      SilenceBook silences,
      SuppressionsInForce inForce) {
    this.intake = intake;
    this.active = active;
    this.settings = settings;
    this.silences = silences;
    this.inForce = inForce;
  }

  /** One group of alerts, as Alertmanager answers with a route that does not group. */
  record AlertGroup(
      Map<String, String> labels, GettableAlert.Receiver receiver, List<GettableAlert> alerts) {}

  @PostMapping("/alerts")
  @Operation(
      summary = "Post alerts as Prometheus does (Alertmanager API v2)",
      description =
          "An array of {labels, annotations, startsAt, endsAt, generatorURL}. Answers 200 with no"
              + " body once committed; 400 with a message, and nothing written, when any alert is"
              + " invalid.")
  @ResponseStatus(HttpStatus.OK) // no ResponseEntity: nothing to negotiate for an empty answer
  void post(@RequestBody PostedBody body, @DefaultActor(AlertMapping.SOURCE) Actor actor) {
    switch (body) {
      case PostedBody.Alerts(var alerts) ->
          intake.take(alerts, Via.API, actor, AlertsV2Controller::refuse);
      case PostedBody.Tree(var tree) -> {
        if (!tree.isArray()) {
          throw AlertmanagerError.malformed(
              AlertmanagerError.PARSING + "the body must be an array of alerts");
        }
        List<JsonNode> items = new ArrayList<>(tree.size());
        tree.forEach(items::add);
        intake.take(items, "", Via.API, actor, AlertsV2Controller::refuse);
      }
    }
  }

  @GetMapping("/alerts")
  @Operation(
      summary = "List open and acknowledged alerts (Alertmanager API v2)",
      description =
          "filter (repeated matchers such as alertname=\"Disk\"), active, silenced"
              + " (acknowledged alerts), inhibited, muted (maintenance windows), unprocessed,"
              + " receiver (a regex).")
  List<GettableAlert> list(@RequestParam MultiValueMap<String, String> params) {
    return matching(AlertFilter.parse(params));
  }

  @GetMapping("/alerts/groups")
  @Operation(summary = "The matching alerts as one group, as a route without group_by gives")
  List<AlertGroup> groups(@RequestParam MultiValueMap<String, String> params) {
    List<GettableAlert> alerts = matching(AlertFilter.parse(params));
    if (alerts.isEmpty()) {
      return List.of();
    }
    return List.of(
        new AlertGroup(Map.of(), new GettableAlert.Receiver(settings.receiver()), alerts));
  }

  private List<GettableAlert> matching(AlertFilter filter) {
    List<Alert> candidates = active.all(filter.attributes());
    Suppressions suppressions = inForce.at(silences.now(), silences.active());
    long deadline = System.nanoTime() + MATCH_BUDGET.toNanos(); // for matching, not for reading
    List<GettableAlert> found = new ArrayList<>();
    for (Alert alert : candidates) {
      Map<String, String> labels = AlertAttributes.labels(alert);
      List<String> silencedBy = new ArrayList<>();
      List<String> inhibitedBy = new ArrayList<>();
      List<String> mutedBy = new ArrayList<>();
      for (Suppressor suppressor : suppressions.of(alert)) {
        switch (suppressor.kind()) {
          case SILENCE -> silencedBy.add(suppressor.id());
          case WINDOW -> mutedBy.add(suppressor.id());
          case INHIBITION -> {
            // Alertmanager names the inhibiting alert by fingerprint, once.
            if (inhibitedBy.isEmpty()) {
              suppressions
                  .inhibitor(alert.id(), Labels.of(alert))
                  .ifPresent(
                      source -> inhibitedBy.add(LabelFingerprint.hexOf(source.fingerprint())));
            }
          }
          case SNOOZE -> silencedBy.add(suppressor.kind().word() + ":" + suppressor.id());
        }
      }
      if (filter.shows(
          alert, labels, silencedBy, inhibitedBy, mutedBy, settings.receiver(), deadline)) {
        found.add(
            GettableAlert.of(
                alert,
                labels,
                silencedBy,
                inhibitedBy,
                mutedBy,
                settings.receiver(),
                settings.resolveTimeout()));
      }
    }
    found.sort(Comparator.comparing(GettableAlert::fingerprint)); // Alertmanager's order
    return found;
  }

  /**
   * Alertmanager answers a body that does not parse from its OpenAPI layer, invalid alerts from its
   * handler.
   */
  private static void refuse(List<Fault> faults) {
    for (Fault fault : faults) {
      if (fault.malformed()) {
        throw AlertmanagerError.malformed(
            AlertmanagerError.PARSING + fault.field() + ": " + fault.reason());
      }
    }
    throw AlertmanagerError.badRequest(
        faults.stream()
            .map(fault -> fault.field() + ": " + fault.reason())
            .collect(Collectors.joining("; ")));
  }
}
