package io.klaxon.store.jdbc;

import java.time.Instant;

/**
 * Instants as microseconds since the epoch, SQLite's timestamp form: exact for the engine's
 * microsecond times, and as fast to compare and sort as any integer.
 */
final class Micros {

  private static final long PER_SECOND = 1_000_000L;

  private Micros() {}

  /**
   * Microseconds since the epoch of an instant.
   *
   * @throws ArithmeticException for an instant beyond ±292,000 years of the epoch
   */
  public static Long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano() / 1_000L);
  }

  public static Instant toInstant(Long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000L);
  }
}
