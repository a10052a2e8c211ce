package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry.FieldChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an active alert's history has not yet told of its re-triggers. A pure re-trigger writes no
 * history row of its own: the history shows re-triggers coalesced, at most one summary entry per
 * alert per {@link #SUMMARY_EVERY}, and the next entry of any kind tells how far {@code
 * occurrences} moved since the one before, so nothing counted is left out of the history for long.
 *
 * @param recorded the alert's occurrences as its history last told them
 * @param pendingSince when the first re-trigger not yet told happened; null when none is pending
 * @param lastSummaryAt when the last summary entry was written; null when none since start-up
 */
record RetriggerTally(
    long recorded, @Nullable Instant pendingSince, @Nullable Instant lastSummaryAt) {

  /** The least time between two summary entries of one alert. */
  static final Duration SUMMARY_EVERY = Duration.ofMinutes(1);

  /** An alert whose history is up to date (just created, or loaded at start-up). */
  static RetriggerTally upTo(Alert alert) {
    return new RetriggerTally(alert.occurrences(), null, null);
  }

  /** Whether a pure re-trigger at {@code now} gets a summary entry of its own. */
  boolean summaryDue(Instant now) {
    return lastSummaryAt == null || !now.isBefore(lastSummaryAt.plus(SUMMARY_EVERY));
  }

  /** A re-trigger at {@code now} that is counted but not yet told. */
  RetriggerTally pending(Instant now) {
    return new RetriggerTally(recorded, pendingSince == null ? now : pendingSince, lastSummaryAt);
  }

  /** The history now tells occurrences up to {@code alert}'s. */
  RetriggerTally told(Alert alert) {
    return new RetriggerTally(alert.occurrences(), null, lastSummaryAt);
  }

  /** A summary entry at {@code now} told occurrences up to {@code alert}'s. */
  RetriggerTally summarized(Alert alert, Instant now) {
    return new RetriggerTally(alert.occurrences(), null, now);
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
    Instant since = pendingSince == null ? now : pendingSince;
    if (times == 1) {
      return "re-triggered once at " + now;
    }
    return "re-triggered " + times + " times between " + since + " and " + now;
  }
}
