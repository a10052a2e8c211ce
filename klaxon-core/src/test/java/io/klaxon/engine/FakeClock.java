package io.klaxon.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test moves it. Safe to read and move from several threads. */
public final class FakeClock implements InstantSource {

  /** Where a clock made with {@link #FakeClock()} starts: a fixed, unremarkable instant. */
  public static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

  private final AtomicReference<Instant> now;

  public FakeClock() {
    this(START);
  }

  public FakeClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * Moves the clock on (or back, for a negative duration).
   *
   * @return the new time
   */
  public Instant advance(Duration duration) {
    return now.updateAndGet(current -> current.plus(duration));
  }

  /** Puts the clock at a given instant. */
  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public String toString() {
    return "FakeClock[" + now.get() + "]";
  }
}
