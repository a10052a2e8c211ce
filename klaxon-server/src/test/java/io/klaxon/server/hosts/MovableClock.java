package io.klaxon.server.hosts;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** The server's clock in the host API tests: it stands still until a test moves it on. */
final class MovableClock implements InstantSource {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

  @Override
  public Instant instant() {
    return now.get();
  }

  Instant advance(Duration duration) {
    return now.updateAndGet(current -> current.plus(duration));
  }
}
