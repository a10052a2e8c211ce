package io.klaxon.server.suppress;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.store.AlertStore;
import io.klaxon.suppress.Snooze;
import io.klaxon.suppress.SnoozeStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Snoozes one active alert until a time, or ends its snooze, for the API and the console alike; the
 * alert's {@code suppressedBy} follows within a second, through the sweep and the engine.
 */
@Component
public class Snoozing {

  private final SnoozeStore snoozes;
  private final AlertStore alerts;
  private final SuppressionSweep sweep;
  private final InstantSource clock;

  Snoozing(SnoozeStore snoozes, AlertStore alerts, SuppressionSweep sweep, InstantSource clock) {
    this.snoozes = snoozes;
    this.alerts = alerts;
    this.sweep = sweep;
    this.clock = clock;
  }

  /**
   * Snoozes the alert until {@code until} (ISO-8601) or for {@code duration} ({@code 30m}, {@code
   * 2h}, {@code 1d}, {@code PT90M}), exactly one of them.
   *
   * @throws InvalidInput naming {@code until} or {@code for}; nothing is written
   * @throws NotFound for an unknown alert
   * @throws Conflict for a final alert
   */
  public Snooze snooze(
      long alertId,
      @Nullable String until,
      @Nullable String duration,
      @Nullable String note,
      Actor actor) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant end = until(until, duration, now);
    active(alertId);
    Snooze snooze = new Snooze(alertId, end, actor.name(), note);
    snoozes.put(snooze);
    sweep.wake();
    return snooze;
  }

  /**
   * Ends the alert's snooze, if it has one.
   *
   * @throws NotFound for an unknown alert
   * @throws Conflict for a final alert
   */
  public void unsnooze(long alertId) {
    active(alertId);
    snoozes.remove(alertId);
    sweep.wake();
  }

  private void active(long id) {
    Alert alert = alerts.findById(id).orElseThrow(() -> new NotFound("alert", id));
    if (!alert.isActive()) {
      throw new Conflict(
          "status", "alert " + id + " is " + alert.status().word() + ": only active alerts snooze");
    }
  }

  private static Instant until(@Nullable String until, @Nullable String duration, Instant now) {
    if ((until == null) == (duration == null)) {
      throw new InvalidInput("until", "give until (a time) or for (a duration), one of them");
    }
    Instant end;
    if (until != null) {
      try {
        end = Instant.parse(until);
      } catch (DateTimeParseException e) {
        throw new InvalidInput("until", "'" + until + "' is not an ISO-8601 time");
      }
    } else {
      end = now.plus(duration("for", String.valueOf(duration)));
    }
    if (!end.isAfter(now)) {
      throw new InvalidInput(until != null ? "until" : "for", "must be in the future");
    }
    return end;
  }

  /**
   * A duration as people write it: {@code 30m}, {@code 2h}, {@code 1d} or ISO-8601 {@code PT90M}.
   *
   * @throws InvalidInput naming {@code field}
   */
  static Duration duration(String field, String text) {
    return DurationText.parse(field, text);
  }
}
