package io.klaxon.server.odds;

import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** The server's clock in the odds day: it stands where the test last set it. */
final class MovableClock implements InstantSource {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

  @Override
  public Instant instant() {
    return now.get();
  }

  void set(Instant instant) {
    now.set(instant);
  }
}
