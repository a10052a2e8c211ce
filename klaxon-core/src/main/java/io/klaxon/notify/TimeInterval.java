package io.klaxon.notify;

import java.time.Instant;
import java.util.List;

/**
 * A named set of periods (Alertmanager's {@code time_intervals} entry): an instant is in the
 * interval when it is in any of its periods. Routes name intervals that mute them or outside which
 * they are not active ({@link RouteTimes}).
 */
public record TimeInterval(String name, List<TimePeriod> periods) {

  public TimeInterval {
    Names.check("name", name);
    periods = List.copyOf(periods);
  }

  /** Whether the instant is in one of the periods. */
  public boolean contains(Instant instant) {
    return periods.stream().anyMatch(period -> period.contains(instant));
  }
}
