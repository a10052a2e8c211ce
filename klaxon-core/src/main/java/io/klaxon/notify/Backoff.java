package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again: exponential back-off from {@code initial} by {@code
 * multiplier}, capped at {@code max}, each wait drawn at random between half and all of it (so that
 * receivers that failed together are not retried together), and no more tries once {@code
 * giveUpAfter} has passed since the first one: the notification is then a dead letter.
 */
public record Backoff(Duration initial, Duration max, double multiplier, Duration giveUpAfter) {

  public Backoff {
    if (initial.isNegative() || initial.isZero()) {
      throw new InvalidInput("initial", "must be positive");
    }
    if (max.compareTo(initial) < 0) {
      throw new InvalidInput("max", "must be at least the initial delay");
    }
    if (!(multiplier >= 1.0)) {
      throw new InvalidInput("multiplier", "must be at least 1");
    }
    if (giveUpAfter.isNegative()) {
      throw new InvalidInput("giveUpAfter", "must not be negative");
    }
  }

  /** The wait after the {@code failures}-th failure in a row (1 for the first). */
  public Duration delay(int failures, RandomGenerator random) {
    double grown = initial.toMillis() * Math.pow(multiplier, Math.max(0, failures - 1));
    long full = (long) Math.min((double) max.toMillis(), grown);
    long half = full / 2;
    return Duration.ofMillis(half + (full - half == 0 ? 0 : random.nextLong(full - half + 1)));
  }
}
