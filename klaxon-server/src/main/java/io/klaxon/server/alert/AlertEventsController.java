package io.klaxon.server.alert;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import io.klaxon.problem.KlaxonException;
import io.klaxon.server.KlaxonProperties;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.JsonItems;
import io.klaxon.server.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Takes raw alert events from producers, and bulk changes from people. */
@RestController
@RequestMapping("/api/alerts")
@Tag(name = "alerts")
class AlertEventsController {

  static final int MAX_BULK_IDS = 1_000;

  private final AlertEngine engine;
  private final ObjectMapper json;
  private final int maxEvents;
  private final AlertEventRequest.Limits limits;

  AlertEventsController(AlertEngine engine, ObjectMapper json, KlaxonProperties properties) {
    this.engine = engine;
    this.json = json;
    this.maxEvents = properties.api().maxEvents();
    this.limits =
        new AlertEventRequest.Limits(
            properties.api().maxAttributes(), properties.api().maxAttributeLength());
  }

  /** What became of one event or one id. */
  record ItemResult(
      int index,
      @Nullable Long alertId,
      @Nullable String fingerprint,
      String outcome,
      @Nullable String status,
      @Nullable ItemError error) {}

  /** Why one item was refused: the HTTP status it would have had alone, and the reason. */
  record ItemError(int status, String detail) {}

  /** Per-item answers, in the order sent. */
  record Results(List<ItemResult> results) {}

  /** The body of POST /api/alerts/bulk. */
  record BulkRequest(@Nullable String action, @Nullable List<Long> ids, @Nullable String note) {}

  @PostMapping("/events")
  @Operation(
      summary = "Trigger, acknowledge or resolve alerts by dedupKey",
      description = "One event object, or an array of up to 10,000. Answers per event, in order.")
  ResponseEntity<Results> events(@RequestBody JsonNode body, Actor actor) {
    JsonItems items = JsonItems.of(body, maxEvents, "events");
    FieldErrors errors = new FieldErrors();
    List<AlertCommand> commands = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String path = items.path(i);
      AlertEventRequest event = errors.read(json, items.get(i), AlertEventRequest.class, path);
      if (event != null) {
        commands.add(event.toCommand(path, actor, limits, errors));
      }
    }
    errors.throwIfAny();
    List<CommandResult> results = engine.apply(commands);
    List<ItemResult> answers = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      String fingerprint = fingerprintOf(commands.get(i));
      answers.add(result(i, results.get(i), fingerprint, null));
    }
    // Cluster mode: an event whose owner did not answer in time is in Kafka and will be applied.
    boolean accepted = results.stream().anyMatch(r -> r.outcome() == Outcome.ACCEPTED);
    return ResponseEntity.status(accepted ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(new Results(answers));
  }

  @PostMapping("/bulk")
  @Operation(
      summary = "Acknowledge, unacknowledge, resolve or dismiss many alerts by id",
      description = "Answers per id, in order; one refused id does not stop the others.")
  Results bulk(@RequestBody BulkRequest body, Actor actor) {
    FieldErrors errors = new FieldErrors();
    Transition transition = transition(body.action(), errors);
    List<Long> ids = body.ids() == null ? List.of() : body.ids();
    if (ids.isEmpty()) {
      errors.add("ids", "give at least one alert id");
    } else if (ids.size() > MAX_BULK_IDS) {
      errors.add("ids", "at most " + MAX_BULK_IDS + " ids per request");
    } else if (ids.contains(null)) {
      errors.add("ids", "ids must be numbers, not null");
    }
    errors.throwIfAny();
    Objects.requireNonNull(transition); // throwIfAny() threw for an unknown action
    List<AlertCommand> commands = new ArrayList<>(ids.size());
    for (Long id : ids) {
      AlertCommand.Change command =
          errors.attempt(
              "",
              () ->
                  new AlertCommand.Change(AlertRef.id(id), transition, actor, body.note(), false));
      commands.add(command);
    }
    errors.throwIfAny();
    List<CommandResult> results = engine.apply(commands);
    List<ItemResult> answers = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      answers.add(result(i, results.get(i), null, ids.get(i)));
    }
    return new Results(answers);
  }

  private static @Nullable Transition transition(@Nullable String action, FieldErrors errors) {
    String verb = action == null ? "" : action.trim().toLowerCase(Locale.ROOT);
    return switch (verb) {
      case "acknowledge" -> Transition.ACKNOWLEDGE;
      case "unacknowledge" -> Transition.UNACKNOWLEDGE;
      case "resolve" -> Transition.RESOLVE;
      case "dismiss" -> Transition.DISMISS;
      default -> {
        errors.add("action", "use acknowledge, unacknowledge, resolve or dismiss");
        yield null;
      }
    };
  }

  private static @Nullable String fingerprintOf(AlertCommand command) {
    return switch (command) {
      case AlertCommand.Trigger trigger -> trigger.fingerprint();
      case AlertCommand.Change change when change.target() instanceof AlertRef.ByFingerprint fp ->
          fp.fingerprint();
      default -> null;
    };
  }

  private static ItemResult result(
      int index, CommandResult result, @Nullable String fingerprint, @Nullable Long requestedId) {
    KlaxonException refusal = result.refusal();
    if (refusal != null) {
      return new ItemResult(
          index,
          requestedId,
          fingerprint,
          result.outcome().word(),
          null,
          new ItemError(Problems.statusOf(refusal).value(), refusal.getMessage()));
    }
    Alert alert = result.alert();
    return new ItemResult(
        index,
        alert == null ? requestedId : Long.valueOf(alert.id()),
        alert == null ? fingerprint : alert.fingerprint(),
        result.outcome().word(),
        alert == null ? null : alert.status().word(),
        null);
  }
}
