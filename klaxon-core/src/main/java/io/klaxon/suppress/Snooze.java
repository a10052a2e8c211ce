package io.klaxon.suppress;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One alert held quiet until a time, then back to notifying if still active.
 *
 * @param by who snoozed it
 */
public record Snooze(long alertId, Instant until, String by, @Nullable String note) {

  /** Whether the snooze still holds at {@code now}. */
  public boolean holds(Instant now) {
    return now.isBefore(until);
  }
}
