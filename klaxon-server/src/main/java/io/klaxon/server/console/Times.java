package io.klaxon.server.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** Times as the console shows them: relative to now for reading, exact UTC in the title. */
final class Times {

  private static final DateTimeFormatter EXACT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** "just now", "5 min ago", "3 h ago", "in 2 d"; empty for no time. */
  static String ago(@Nullable Instant at, Instant now) {
    if (at == null) {
      return "";
    }
    Duration d = Duration.between(at, now);
    boolean future = d.isNegative();
    long s = Math.abs(d.toSeconds());
    String amount;
    if (s < 45) {
      return "just now";
    } else if (s < 3600) {
      amount = Math.max(1, Math.round(s / 60.0)) + " min";
    } else if (s < 86_400 * 2) {
      amount = Math.round(s / 3600.0) + " h";
    } else {
      amount = Math.round(s / 86_400.0) + " d";
    }
    return future ? "in " + amount : amount + " ago";
  }

  /** The exact time in UTC, e.g. for a title attribute; empty for no time. */
  static String exact(@Nullable Instant at) {
    return at == null ? "" : EXACT.format(at);
  }
}
