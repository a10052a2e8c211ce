package io.klaxon.server.console;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A time ready for a {@code <time>} element: machine form, relative text and exact UTC text.
 *
 * @param iso the ISO-8601 instant (the element's datetime, read by the page script to refresh)
 */
public record When(String iso, String ago, String exact) {

  public static @Nullable When of(@Nullable Instant at, Instant now) {
    return at == null ? null : at(at, now);
  }

  /** The instant in the three forms. */
  public static When at(Instant at, Instant now) {
    return new When(at.toString(), Times.ago(at, now), Times.exact(at));
  }
}
