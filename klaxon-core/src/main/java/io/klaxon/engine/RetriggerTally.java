package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.store.AlertCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an active alert's history has not yet told of its re-triggers. A pure re-trigger writes no
 * history row of its own: the history shows re-triggers coalesced, at most one summary entry per
 * alert per {@link #SUMMARY_EVERY}, and the next entry of any kind tells how far {@code
 * occurrences} moved since the one before, so nothing counted is left out of the history for long.
 *
 * <p>The engine keeps one per re-triggered active alert, as three longs in the alert's slot of its
 * index (a tally object per summary lived a minute and died in the old generation), so its times
 * are microseconds since the epoch (the engine's clock is truncated to microseconds) rather than
 * {@link Instant}s.
 *
 * @param recorded the alert's occurrences as its history last told them
 * @param pendingSince when the first re-trigger not yet told happened, in microseconds since the
 *     epoch; {@link #NONE} when none is pending
 * @param lastSummaryAt when the last summary entry was written, in microseconds since the epoch
 *     (the first one's time moved later by the alert's {@link #offset}); {@link #NONE} when none
 *     since start-up
 */
record RetriggerTally(long recorded, long pendingSince, long lastSummaryAt) {

  /** The least time between two summary entries of one alert. */
  static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

  /** No time: nothing pending, or no summary yet. */
  static final long NONE = Long.MIN_VALUE;

  private static final long SUMMARY_EVERY_MICROS = SUMMARY_EVERY.toNanos() / 1_000;

  /** An alert whose history tells its {@code occurrences} (just created, or loaded at start-up). */
  static RetriggerTally upTo(long occurrences) {
    return new RetriggerTally(occurrences, NONE, NONE);
  }

  /** Whether a pure re-trigger at {@code now} gets a summary entry of its own. */
  boolean summaryDue(Instant now) {
    return lastSummaryAt == NONE || AlertCounts.micros(now) - lastSummaryAt >= SUMMARY_EVERY_MICROS;
  }

  /** A re-trigger at {@code now} that is counted but not yet told. */
  RetriggerTally pending(Instant now) {
    if (pendingSince != NONE) {
      return this; // unchanged: no new tally per re-trigger to die in the old generation
    }
    return new RetriggerTally(recorded, AlertCounts.micros(now), lastSummaryAt);
  }

  /** The history now tells occurrences up to {@code alert}'s. */
  RetriggerTally told(Alert alert) {
    return new RetriggerTally(alert.occurrences(), NONE, lastSummaryAt);
  }

  /**
   * A summary entry at {@code now} told occurrences up to {@code alert}'s. After an alert's first
   * summary the next is due {@link #SUMMARY_EVERY} plus the alert's {@link #offset} later, and a
   * minute after each one before it from then on: alerts created together (or loaded together at
   * start-up) would otherwise all summarize in the same few seconds of every minute, and in those
   * seconds PostgreSQL's re-trigger rate fell by a quarter to a half (BENCHMARKS.md, session 12).
   */
  RetriggerTally summarized(Alert alert, Instant now) {
    long at = AlertCounts.micros(now);
    return new RetriggerTally(
        alert.occurrences(), NONE, lastSummaryAt == NONE ? at + offsetMicros(alert.id()) : at);
  }

  /**
   * How much later than a minute an alert's second summary comes: a fixed share of the minute per
   * alert id, spread evenly over consecutive ids (Fibonacci hashing).
   */
  static Duration offset(long alertId) {
    return Duration.ofNanos(offsetMicros(alertId) * 1_000);
  }

  private static long offsetMicros(long alertId) {
    return Math.floorMod(alertId * 0x9E3779B97F4A7C15L, SUMMARY_EVERY_MICROS);
  }

  /**
   * The field changes of the next history entry of {@code alert}: how far occurrences moved since
   * the last entry told them (when they did), then the entry's own changes.
   */
  List<FieldChange> withOccurrences(Alert alert, List<FieldChange> own) {
    if (alert.occurrences() == recorded) {
      return own;
    }
    List<FieldChange> changes = new ArrayList<>(own.size() + 1);
    changes.add(TriggerRules.change("occurrences", recorded, alert.occurrences()));
    changes.addAll(own);
    return changes;
  }

  /** The summary's text: "re-triggered 120 times between 10:00 and 10:05", in ISO instants. */
  String summary(Alert alert, Instant now) {
    long times = alert.occurrences() - recorded;
    Instant since = pendingSince == NONE ? now : instant(pendingSince);
    if (times == 1) {
      return "re-triggered once at " + now;
    }
    return "re-triggered " + times + " times between " + since + " and " + now;
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
