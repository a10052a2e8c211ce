package io.klaxon.server.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the tests move by hand, under the engine and the notification job. */
final class NotifyTestClock implements InstantSource {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));

  @Override
  public Instant instant() {
    return now.get();
  }

  void advance(Duration duration) {
    now.updateAndGet(time -> time.plus(duration));
  }

  /** Puts the clock in place of the system clock. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Wiring {
    @Bean
    @Primary
    NotifyTestClock notifyTestClock() {
      return new NotifyTestClock();
    }
  }
}
