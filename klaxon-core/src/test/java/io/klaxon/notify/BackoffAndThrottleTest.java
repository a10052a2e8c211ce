package io.klaxon.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffAndThrottleTest {

  private final Backoff backoff =
      new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, Duration.ofHours(1));

  @Test
  void eachWaitIsBetweenHalfAndAllOfAnExponentiallyGrowingCappedDelay() {
    Random random = new Random(42);
    for (int run = 0; run < 1000; run++) {
      for (int failures = 1; failures <= 12; failures++) {
        long full = Math.min(60_000, 1000L << (failures - 1));
        assertThat(backoff.delay(failures, random).toMillis()).isBetween(full / 2, full);
      }
    }
  }

  @Test
  void theJitterSpreadsRetriesAndASeedRepeatsThem() {
    long a = backoff.delay(5, new Random(7)).toMillis();
    long b = backoff.delay(5, new Random(7)).toMillis();
    assertThat(a).isEqualTo(b);
    long distinct =
        new Random(3)
            .longs(50)
            .map(seed -> backoff.delay(5, new Random(seed)).toMillis())
            .distinct()
            .count();
    assertThat(distinct).isGreaterThan(40);
  }

  @Test
  void aReceiverOverItsLimitWaitsForTheOldestSendToLeaveTheWindow() {
    Throttle throttle = new Throttle();
    RateLimit twoPerMinute = new RateLimit(2, Duration.ofMinutes(1));
    Instant t0 = Instant.parse("2026-03-02T10:00:00Z");

    assertThat(throttle.reserve("hook", twoPerMinute, t0)).isEqualTo(t0);
    assertThat(throttle.reserve("hook", twoPerMinute, t0.plusSeconds(10)))
        .isEqualTo(t0.plusSeconds(10));
    assertThat(throttle.reserve("hook", twoPerMinute, t0.plusSeconds(20)))
        .isEqualTo(t0.plusSeconds(60));
    assertThat(throttle.reserve("other", twoPerMinute, t0.plusSeconds(20)))
        .as("per receiver")
        .isEqualTo(t0.plusSeconds(20));
    assertThat(throttle.reserve("hook", twoPerMinute, t0.plusSeconds(60)))
        .isEqualTo(t0.plusSeconds(60));
  }
}
