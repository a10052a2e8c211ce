package io.klaxon.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When a route may send, as Alertmanager's {@code mute_time_intervals} and {@code
 * active_time_intervals} say: never inside a muting interval, and, when active intervals are named,
 * only inside one of them. The route still takes its alerts (and ends the search) at any time; only
 * its notifications wait. Each route names its own: children do not inherit them.
 */
public record RouteTimes(List<TimeInterval> mute, List<TimeInterval> active) {

  /** A route that may send at any time. */
  public static final RouteTimes ALWAYS = new RouteTimes(List.of(), List.of());

  /** How far ahead a sending time is looked for; beyond it the route is taken never to send. */
  static final Duration HORIZON = Duration.ofDays(2 * 366 + 1);

  public RouteTimes {
    mute = List.copyOf(mute);
    active = List.copyOf(active);
  }

  /** Whether the route may send at the instant. */
  public boolean sendsAt(Instant instant) {
    if (mute.stream().anyMatch(interval -> interval.contains(instant))) {
      return false;
    }
    return active.isEmpty() || active.stream().anyMatch(interval -> interval.contains(instant));
  }

  /**
   * The first instant from {@code from} on at which the route may send: {@code from} itself when it
   * may send then; empty when it never may within two years (an active interval in the past).
   */
  public Optional<Instant> nextSend(Instant from) {
    if (mute.isEmpty() && active.isEmpty()) {
      return Optional.of(from);
    }
    Instant limit = from.plus(HORIZON);
    Instant at = from;
    while (!at.isAfter(limit)) {
      if (sendsAt(at)) {
        return Optional.of(at);
      }
      Instant now = at;
      at =
          Stream.concat(mute.stream(), active.stream())
              .flatMap(interval -> interval.periods().stream())
              .map(period -> period.nextChange(now))
              .min(Instant::compareTo)
              .orElse(limit.plusSeconds(1));
    }
    return Optional.empty();
  }
}
