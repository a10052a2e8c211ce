package io.klaxon.server.decisions;

import io.klaxon.alert.Alert;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.detect.decisions.DecisionMapper;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.JsonItems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Takes trading decisions and raises the alerts they call for; HOLD raises none. */
@RestController
@Tag(name = "signals")
class DecisionSignalController {

  static final int MAX_DECISIONS = 10_000;

  private final AlertEngine engine;
  private final ObjectMapper json;

  DecisionSignalController(AlertEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  /** What became of one decision: its alert, or {@code skipped} for HOLD. */
  record DecisionResult(
      int index,
      String outcome,
      @Nullable Long alertId,
      @Nullable String fingerprint,
      @Nullable String severity,
      @Nullable String alertClass) {}

  /** Per-decision answers, in the order sent. */
  record Results(List<DecisionResult> results) {}

  @PostMapping("/api/signals/decisions")
  @Operation(
      summary = "Turn trading decisions into alerts",
      description =
          "One decision or an array of up to 10,000. CLOSE+IMMEDIATE is critical, CLOSE+HIGH high,"
              + " CLOSE+NORMAL medium, CLOSE+LOW low, ROLL medium, HOLD no alert. All or nothing:"
              + " one bad decision refuses the request.")
  Results decisions(@RequestBody JsonNode body) {
    JsonItems items = JsonItems.of(body, MAX_DECISIONS, "decisions");
    FieldErrors errors = new FieldErrors();
    List<Decision> decisions = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String path = items.path(i);
      DecisionRequest request = errors.read(json, items.get(i), DecisionRequest.class, path);
      decisions.add(request == null ? null : errors.attempt(path, request::toDecision));
    }
    errors.throwIfAny();

    List<Optional<AlertCommand.Trigger>> triggers =
        decisions.stream().map(DecisionMapper::toTrigger).toList();
    List<AlertCommand> commands =
        triggers.stream().flatMap(Optional::stream).map(t -> (AlertCommand) t).toList();
    List<CommandResult> applied = engine.apply(commands);
    List<DecisionResult> results = new ArrayList<>(items.size());
    int next = 0;
    for (int i = 0; i < items.size(); i++) {
      if (triggers.get(i).isEmpty()) {
        results.add(new DecisionResult(i, "skipped", null, null, null, null));
        continue;
      }
      CommandResult result = applied.get(next++);
      Alert alert = result.alertOrThrow();
      results.add(
          new DecisionResult(
              i,
              result.outcome().word(),
              alert == null ? null : alert.id(),
              alert == null ? null : alert.fingerprint(),
              alert == null ? null : alert.severity().word(),
              DecisionMapper.classOf(decisions.get(i)).map(c -> c.word()).orElse(null)));
    }
    return new Results(results);
  }
}
