package io.klaxon.server.suppress;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.store.AlertStore;
import io.klaxon.suppress.Snooze;
import io.klaxon.suppress.SnoozeStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Snooze one alert until a time, or end its snooze. The alert's {@code suppressedBy} follows within
 * a second, through the suppression sweep and the engine.
 */
@RestController
@RequestMapping("/api/alerts/{id}")
@Tag(name = "alerts")
class SnoozeController {

  private final SnoozeStore snoozes;
  private final AlertStore alerts;
  private final SuppressionSweep sweep;
  private final InstantSource clock;

  SnoozeController(
      SnoozeStore snoozes, AlertStore alerts, SuppressionSweep sweep, InstantSource clock) {
    this.snoozes = snoozes;
    this.alerts = alerts;
    this.sweep = sweep;
    this.clock = clock;
  }

  /** {@code until} (ISO-8601) or {@code for} ({@code 30m}, {@code 2h}, {@code PT90M}). */
  record SnoozeRequest(
      @Nullable String until,
      @JsonProperty("for") @Nullable String duration,
      @Nullable String note) {}

  /** A snooze as the API answers it; {@code until} null once ended. */
  record SnoozeView(
      long alertId, boolean snoozed, @Nullable Instant until, @Nullable String note) {}

  @PostMapping("/snooze")
  @Operation(summary = "Snooze an active alert until a time; 409 for a final alert")
  SnoozeView snooze(@PathVariable long id, @RequestBody SnoozeRequest body, Actor actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant until = until(body, now);
    active(id);
    snoozes.put(new Snooze(id, until, actor.name(), body.note()));
    sweep.wake();
    return new SnoozeView(id, true, until, body.note());
  }

  @PostMapping("/unsnooze")
  @Operation(summary = "End an alert's snooze; 409 for a final alert")
  SnoozeView unsnooze(@PathVariable long id) {
    active(id);
    snoozes.remove(id);
    sweep.wake();
    return new SnoozeView(id, false, null, null);
  }

  private void active(long id) {
    Alert alert = alerts.findById(id).orElseThrow(() -> new NotFound("alert", id));
    if (!alert.isActive()) {
      throw new Conflict(
          "status", "alert " + id + " is " + alert.status().word() + ": only active alerts snooze");
    }
  }

  private static Instant until(SnoozeRequest body, Instant now) {
    if ((body.until() == null) == (body.duration() == null)) {
      throw new InvalidInput("until", "give until (a time) or for (a duration), one of them");
    }
    Instant until;
    if (body.until() != null) {
      try {
        until = Instant.parse(body.until());
      } catch (DateTimeParseException e) {
        throw new InvalidInput("until", "'" + body.until() + "' is not an ISO-8601 time");
      }
    } else {
      until = now.plus(duration(String.valueOf(body.duration())));
    }
    if (!until.isAfter(now)) {
      throw new InvalidInput(body.until() != null ? "until" : "for", "must be in the future");
    }
    return until;
  }

  private static Duration duration(String text) {
    return DurationText.parse("for", text);
  }
}
