package io.klaxon.oncall;

import io.klaxon.problem.InvalidInput;
import java.time.Instant;

/** Someone on call instead of the rotations from {@code start} until {@code end}. */
public record ScheduleOverride(String person, Instant start, Instant end) {

  public ScheduleOverride {
    if (!end.isAfter(start)) {
      throw new InvalidInput("end", "must be after start");
    }
  }

  boolean covers(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
