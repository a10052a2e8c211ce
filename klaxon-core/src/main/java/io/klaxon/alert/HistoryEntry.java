package io.klaxon.alert;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One change of one alert, append-only: what happened, who did it, when, and the fields that moved.
 *
 * @param version the alert's version after this change
 * @param changes the fields that changed, old value to new, in their API text form
 */
public record HistoryEntry(
    long alertId,
    long version,
    Instant at,
    String actor,
    HistoryAction action,
    @Nullable AlertStatus fromStatus,
    AlertStatus toStatus,
    List<FieldChange> changes,
    @Nullable String note) {

  public HistoryEntry {
    changes = List.copyOf(changes);
  }

  /**
   * Whether this is a material change, one the change feed carries: anything but a summary of
   * re-triggers that moved only {@code occurrences} (and {@code lastSeenAt}).
   */
  public boolean isMaterial() {
    return action != HistoryAction.RETRIGGERED
        || changes.stream().anyMatch(change -> !change.field().equals("occurrences"));
  }

  /** One field of an alert moving from one value to another; null means "had no value". */
  public record FieldChange(String field, @Nullable String from, @Nullable String to) {}
}
