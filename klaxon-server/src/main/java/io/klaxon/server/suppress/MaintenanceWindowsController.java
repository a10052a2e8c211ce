package io.klaxon.server.suppress;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.server.alert.AlertView;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.suppress.Labels;
import io.klaxon.suppress.MaintenanceWindow;
import io.klaxon.suppress.MaintenanceWindowStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Klaxon's maintenance window API: create, list, read, replace, delete, list occurrences, and
 * preview what a window would match and when it would open.
 */
@RestController
@RequestMapping("/api/maintenance-windows")
@Tag(name = "maintenance windows")
class MaintenanceWindowsController {

  /** How far ahead occurrences are listed when {@code to} is not given. */
  private static final Duration DEFAULT_SPAN = Duration.ofDays(30);

  private final MaintenanceWindowStore store;
  private final ActiveAlertReader active;
  private final SuppressionSweep sweep;
  private final ExpiryNoticeJob notices;
  private final InstantSource clock;

  MaintenanceWindowsController(
      MaintenanceWindowStore store,
      ActiveAlertReader active,
      SuppressionSweep sweep,
      ExpiryNoticeJob notices,
      InstantSource clock) {
    this.store = store;
    this.active = active;
    this.sweep = sweep;
    this.notices = notices;
    this.clock = clock;
  }

  /** A page of windows. */
  record WindowList(List<WindowView> windows, long total, int limit, long offset) {}

  /** A window's occurrences between two times. */
  record Occurrences(
      long id, Instant from, Instant to, List<WindowView.OccurrenceView> occurrences) {}

  /** What a window would do: the active alerts it matches, and its next occurrences. */
  record Preview(List<AlertView> alerts, long total, List<WindowView.OccurrenceView> occurrences) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a maintenance window; 400 naming each faulty field, nothing written")
  WindowView create(@RequestBody WindowRequest body, Actor actor) {
    Instant now = now();
    MaintenanceWindow added = store.add(body.window(0, actor.name(), now));
    sweep.wake();
    notices.wake();
    return WindowView.of(added, now);
  }

  @GetMapping
  @Operation(summary = "List maintenance windows by id, each with its open or next occurrence")
  WindowList list(
      @RequestParam(defaultValue = "50") String limit,
      @RequestParam(defaultValue = "0") String offset) {
    int pageSize = number("limit", limit, 1, 1000);
    int skip = number("offset", offset, 0, Integer.MAX_VALUE);
    Instant now = now();
    List<MaintenanceWindow> all = store.all();
    List<WindowView> page =
        all.stream().skip(skip).limit(pageSize).map(w -> WindowView.of(w, now)).toList();
    return new WindowList(page, all.size(), pageSize, skip);
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read one maintenance window")
  WindowView get(@PathVariable long id) {
    return WindowView.of(find(id), now());
  }

  @PutMapping("/{id}")
  @Operation(
      summary = "Replace a maintenance window; 400 naming each faulty field, nothing written")
  WindowView replace(@PathVariable long id, @RequestBody WindowRequest body, Actor actor) {
    find(id);
    Instant now = now();
    MaintenanceWindow window = body.window(id, actor.name(), now);
    if (!store.update(window)) {
      throw new NotFound("maintenance window", Long.toString(id));
    }
    sweep.wake();
    notices.wake();
    return WindowView.of(window, now);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a maintenance window; the alerts it held are released")
  void delete(@PathVariable long id) {
    if (!store.delete(id)) {
      throw new NotFound("maintenance window", Long.toString(id));
    }
    sweep.wake();
    notices.wake();
  }

  @GetMapping("/{id}/occurrences")
  @Operation(
      summary = "A window's occurrences that overlap [from, to)",
      description =
          "from defaults to now, to to 30 days later; at most limit (default 50, max 1000).")
  Occurrences occurrences(
      @PathVariable long id,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "50") String limit) {
    MaintenanceWindow window = find(id);
    FieldErrors errors = new FieldErrors();
    Instant start = from == null ? now() : time("from", from, errors);
    Instant end = to == null ? null : time("to", to, errors);
    Integer count = errors.attempt("", () -> number("limit", limit, 1, 1000));
    errors.throwIfAny();
    if (start == null || count == null) {
      throw new IllegalStateException("checked above");
    }
    Instant until = end == null ? start.plus(DEFAULT_SPAN) : end;
    if (!until.isAfter(start)) {
      throw new InvalidInput("to", "must be after from");
    }
    return new Occurrences(
        id,
        start,
        until,
        window.schedule().between(start, until, count).stream()
            .map(WindowView.OccurrenceView::of)
            .toList());
  }

  @PostMapping("/preview")
  @Operation(
      summary = "The active alerts a window would match, and its next occurrences; saves nothing")
  Preview preview(@RequestBody WindowRequest body, Actor actor) {
    Instant now = now();
    MaintenanceWindow probe = body.window(0, actor.name(), now);
    List<Alert> matching =
        active.all().stream().filter(alert -> probe.matches(Labels.of(alert))).toList();
    return new Preview(
        matching.stream().map(AlertView::of).toList(),
        matching.size(),
        probe.schedule().between(now, Instant.MAX, 10).stream()
            .map(WindowView.OccurrenceView::of)
            .toList());
  }

  private MaintenanceWindow find(long id) {
    return store.find(id).orElseThrow(() -> new NotFound("maintenance window", Long.toString(id)));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static @Nullable Instant time(String field, String text, FieldErrors errors) {
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(field, "'" + text + "' is not an ISO-8601 time");
      return null;
    }
  }

  private static int number(String field, String text, int min, int max) {
    try {
      int value = Integer.parseInt(text.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidInput(field, "must be a whole number between " + min + " and " + max);
  }
}
