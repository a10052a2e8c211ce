package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;

/**
 * At most {@code count} notifications to one receiver in any window of {@code per}; more wait for
 * the window to make room (they are delayed, never dropped).
 */
public record RateLimit(int count, Duration per) {

  public RateLimit {
    if (count < 1) {
      throw new InvalidInput("rateLimit.count", "must be at least 1");
    }
    if (per.isNegative() || per.isZero()) {
      throw new InvalidInput("rateLimit.perSeconds", "must be at least 1 second");
    }
  }
}
