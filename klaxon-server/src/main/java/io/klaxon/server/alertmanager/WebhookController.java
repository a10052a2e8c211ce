package io.klaxon.server.alertmanager;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.engine.CommandResult;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.KlaxonException;
import io.klaxon.server.alertmanager.AlertAttributes.Via;
import io.klaxon.server.problem.Problems;
import io.klaxon.server.security.DefaultActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Takes what an Alertmanager sends to a webhook receiver, so that an existing Alertmanager can
 * forward to Klaxon. Klaxon's own API: answers per alert, refuses with problem details.
 */
@RestController
@Tag(name = "alertmanager")
class WebhookController {

  private final AlertIntake intake;

  WebhookController(AlertIntake intake) {
    this.intake = intake;
  }

  /** What became of one alert of the message. */
  record ItemResult(
      int index,
      @Nullable Long alertId,
      String fingerprint,
      String outcome,
      @Nullable String status,
      @Nullable ItemError error) {}

  /** Why one alert was refused: the HTTP status it would have had alone, and the reason. */
  record ItemError(int status, String detail) {}

  /** Per-alert answers, in the order of the message's {@code alerts}. */
  record Results(List<ItemResult> results) {}

  @PostMapping("/api/integrations/alertmanager")
  @Operation(
      summary = "Take an Alertmanager webhook message",
      description =
          "The JSON that Alertmanager's webhook_config sends (version 4): firing alerts"
              + " trigger, resolved ones resolve. Answers per alert, in order.")
  Results webhook(@RequestBody JsonNode body, @DefaultActor(AlertMapping.SOURCE) Actor actor) {
    JsonNode alerts = body.isObject() ? body.get("alerts") : null;
    if (alerts == null || !alerts.isArray()) {
      throw new InvalidInput("alerts", "is required: the array of alerts of a webhook message");
    }
    List<JsonNode> items = new ArrayList<>(alerts.size());
    alerts.forEach(items::add);
    List<AlertIntake.Taken> taken =
        intake.take(
            items,
            "alerts",
            Via.WEBHOOK,
            actor,
            faults -> {
              throw new InvalidInput(
                  faults.stream()
                      .map(fault -> new InvalidInput.FieldError(fault.field(), fault.reason()))
                      .toList());
            });
    List<ItemResult> results = new ArrayList<>(taken.size());
    for (int i = 0; i < taken.size(); i++) {
      results.add(result(i, taken.get(i)));
    }
    return new Results(results);
  }

  private static ItemResult result(int index, AlertIntake.Taken taken) {
    CommandResult result = taken.result();
    KlaxonException refusal = result.refusal();
    if (refusal != null) {
      return new ItemResult(
          index,
          null,
          taken.fingerprint(),
          result.outcome().word(),
          null,
          new ItemError(Problems.statusOf(refusal).value(), String.valueOf(refusal.getMessage())));
    }
    Alert alert = result.alert();
    return new ItemResult(
        index,
        alert == null ? null : alert.id(),
        taken.fingerprint(),
        result.outcome().word(),
        alert == null ? null : alert.status().word(),
        null);
  }
}
