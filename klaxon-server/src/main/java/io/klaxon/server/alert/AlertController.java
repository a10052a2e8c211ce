package io.klaxon.server.alert;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.store.AlertStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists, counts and reads alerts, and moves one along its lifecycle. */
@RestController
@RequestMapping("/api")
@Tag(name = "alerts")
class AlertController {

  private final AlertStore store;
  private final AlertEngine engine;

  AlertController(AlertStore store, AlertEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /** Entries kept elsewhere (notification attempts) that the history shows too; none without. */
  private HistoryAppendix appendix = alertId -> List.of();

  @org.springframework.beans.factory.annotation.Autowired(required = false)
  void setHistoryAppendix(HistoryAppendix appendix) {
    this.appendix = appendix;
  }

  /** Counts of the matching alerts, whole and by status, severity, type and source. */
  record StatsView(
      long total,
      Map<String, Long> byStatus,
      Map<String, Long> bySeverity,
      Map<String, Long> byType,
      Map<String, Long> bySource) {

    static StatsView of(AlertStats stats) {
      Map<String, Long> byStatus = new LinkedHashMap<>();
      for (AlertStatus status : AlertStatus.values()) {
        byStatus.put(status.word(), stats.byStatus().getOrDefault(status, 0L));
      }
      Map<String, Long> bySeverity = new LinkedHashMap<>();
      for (Severity severity : List.of(Severity.values()).reversed()) {
        bySeverity.put(severity.word(), stats.bySeverity().getOrDefault(severity, 0L));
      }
      return new StatsView(
          stats.total(), byStatus, bySeverity, sorted(stats.byType()), sorted(stats.bySource()));
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
      Map<String, Long> ordered = new LinkedHashMap<>();
      counts.entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(e -> ordered.put(e.getKey(), e.getValue()));
      return ordered;
    }
  }

  /** The body of PATCH /api/alerts/{id}. */
  record AcknowledgeRequest(@Nullable Boolean acknowledged, @Nullable String note) {}

  /** An optional note that goes with a lifecycle change. */
  record NoteRequest(@Nullable String note) {}

  /** The body of POST /api/alerts/{id}/notes. */
  record NewNote(@Nullable String text) {}

  @GetMapping("/alerts")
  @Operation(summary = "List alerts, filtered, sorted and paged")
  AlertList list(@RequestParam MultiValueMap<String, String> params) {
    AlertQuery query = AlertQueryParser.parse(params);
    return AlertList.of(engine.current(store.find(query)), query);
  }

  @GetMapping("/alerts/stats")
  @Operation(summary = "Count alerts under the same filters as the list")
  StatsView stats(@RequestParam MultiValueMap<String, String> params) {
    return StatsView.of(store.stats(AlertQueryParser.parse(params)));
  }

  @GetMapping("/alerts/{id}")
  @Operation(summary = "Read one alert")
  AlertView get(@PathVariable long id) {
    // Active alerts' counts from the engine's memory: their rows may lag behind the log.
    return AlertView.of(
        engine.current(store.findById(id).orElseThrow(() -> new NotFound("alert", id))));
  }

  @GetMapping("/alerts/{id}/history")
  @Operation(summary = "Every change of one alert, oldest first")
  List<HistoryView> history(@PathVariable long id) {
    if (store.findById(id).isEmpty()) {
      throw new NotFound("alert", id);
    }
    return HistoryView.merged(store.history(id), appendix.entriesOf(id));
  }

  @PatchMapping("/alerts/{id}")
  @Operation(summary = "Acknowledge (true) or unacknowledge (false) an alert")
  AlertView acknowledge(@PathVariable long id, @RequestBody AcknowledgeRequest body, Actor actor) {
    if (body.acknowledged() == null) {
      throw new InvalidInput("acknowledged", "is required: true or false");
    }
    Transition transition = body.acknowledged() ? Transition.ACKNOWLEDGE : Transition.UNACKNOWLEDGE;
    return change(id, transition, actor, body.note());
  }

  @PostMapping("/alerts/{id}/resolve")
  @Operation(summary = "Resolve an alert by hand")
  AlertView resolve(
      @PathVariable long id,
      @RequestBody(required = false) @Nullable NoteRequest body,
      Actor actor) {
    return change(id, Transition.RESOLVE, actor, body == null ? null : body.note());
  }

  @PostMapping("/alerts/{id}/dismiss")
  @Operation(summary = "Dismiss an alert: it needed no action")
  AlertView dismiss(
      @PathVariable long id,
      @RequestBody(required = false) @Nullable NoteRequest body,
      Actor actor) {
    return change(id, Transition.DISMISS, actor, body == null ? null : body.note());
  }

  @PostMapping("/alerts/{id}/notes")
  @Operation(summary = "Add a note to an alert's history")
  AlertView note(@PathVariable long id, @RequestBody NewNote body, Actor actor) {
    String text = Objects.requireNonNullElse(body.text(), "");
    FieldErrors errors = new FieldErrors();
    AlertCommand.Note command =
        errors.attempt("", () -> new AlertCommand.Note(AlertRef.id(id), text, actor));
    errors.throwIfAny();
    Objects.requireNonNull(command); // throwIfAny() threw where there was none
    return AlertView.of(applied(engine.apply(command).alertOrThrow()));
  }

  @GetMapping("/subjects/{type}/{key}/alerts")
  @Operation(summary = "Alerts about one subject, with the list's filters")
  AlertList bySubject(
      @PathVariable String type,
      @PathVariable String key,
      @RequestParam MultiValueMap<String, String> params) {
    AlertQuery query = AlertQueryParser.parse(params).withSubject(type, key);
    return AlertList.of(engine.current(store.find(query)), query);
  }

  @GetMapping("/events/{eventId}/alerts")
  @Operation(summary = "Alerts about one sports event (subject type 'event')")
  AlertList byEvent(
      @PathVariable String eventId, @RequestParam MultiValueMap<String, String> params) {
    return bySubject("event", eventId, params);
  }

  private AlertView change(long id, Transition transition, Actor actor, @Nullable String note) {
    FieldErrors errors = new FieldErrors();
    AlertCommand.Change command =
        errors.attempt(
            "", () -> new AlertCommand.Change(AlertRef.id(id), transition, actor, note, false));
    errors.throwIfAny();
    Objects.requireNonNull(command); // throwIfAny() threw where there was none
    return AlertView.of(applied(engine.apply(command).alertOrThrow()));
  }

  private static Alert applied(@Nullable Alert alert) {
    if (alert == null) {
      throw new IllegalStateException("a command by id always names an alert");
    }
    return alert;
  }
}
