package io.klaxon.suppress;

import java.time.Instant;

/** One occurrence of a maintenance window: from {@code start} (inclusive) to {@code end}. */
public record Occurrence(Instant start, Instant end) {

  /** Whether the instant lies inside this occurrence. */
  public boolean contains(Instant instant) {
    return !instant.isBefore(start) && instant.isBefore(end);
  }
}
