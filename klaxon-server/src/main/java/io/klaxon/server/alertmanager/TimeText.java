package io.klaxon.server.alertmanager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One conversion between times and their text that remembers its last answer. The alerts of one
 * request share their receipt time and, as Prometheus sends them, mostly their {@code startsAt}, so
 * on the ingest path most conversions repeat the one before (they showed in its profile: every
 * re-trigger parsed the active alert's stored {@code startsAt} again). Safe from any thread: the
 * memory is one immutable pair behind a volatile field; a failed conversion is not remembered.
 */
final class TimeText {

  private record Pair(Instant time, String text) {}

  private volatile @Nullable Pair last;

  /** {@code time.toString()}: ISO-8601 in UTC, as Klaxon keeps times in attributes. */
  String format(Instant time) {
    Pair pair = last;
    if (pair != null && pair.time.equals(time)) {
      return pair.text;
    }
    String text = time.toString();
    last = new Pair(time, text);
    return text;
  }

  /** {@link Instant#parse}, throwing as it does. */
  Instant parseInstant(String text) {
    return parse(text, Instant::parse);
  }

  /** An RFC 3339 time with any offset ({@link OffsetDateTime#parse}), throwing as it does. */
  Instant parseRfc3339(String text) {
    return parse(text, t -> OffsetDateTime.parse(t).toInstant());
  }

  private Instant parse(String text, Function<String, Instant> parser) {
    Pair pair = last;
    if (pair != null && pair.text.equals(text)) {
      return pair.time;
    }
    Instant time = parser.apply(text);
    last = new Pair(time, text);
    return time;
  }
}
