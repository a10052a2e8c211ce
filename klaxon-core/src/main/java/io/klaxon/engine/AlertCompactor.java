package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Makes the alerts the active index keeps small: an alert arrives with every string fresh from its
 * request (attribute names, label values, its source and type), so that 100,000 active alerts held
 * about 1.9 KB of heap each, most of it equal strings. The compact copy is equal to the alert; it
 * reuses what the alert's previous version held where equal, shares a value the alert repeats (its
 * title in an annotation, its subject's key in a label) and shares across alerts what several of
 * them carry, through a {@link StringPool}. Not thread-safe: the engine's writer owns it.
 */
final class AlertCompactor {

  /**
   * Strings per table of the pool: small, since every partition has its own index and pool (16 on
   * PostgreSQL); a string repeated by many alerts is seen twice long before a table fills.
   */
  static final int CAPACITY = 4_096;

  private final StringPool pool;

  AlertCompactor(StringPool pool) {
    this.pool = pool;
  }

  AlertCompactor() {
    this(new StringPool(CAPACITY));
  }

  /**
   * An alert equal to {@code alert}, made of shared parts; {@code previous} is its last version.
   */
  Alert compact(Alert alert, @Nullable Alert previous) {
    if (previous != null && previous.id() != alert.id()) {
      previous = null;
    }
    String fingerprint =
        same(alert.fingerprint(), previous == null ? null : previous.fingerprint());
    String source = sameOrShared(alert.source(), previous == null ? null : previous.source());
    String type = sameOrShared(alert.type(), previous == null ? null : previous.type());
    String title = sameOrShared(alert.title(), previous == null ? null : previous.title());
    String message =
        alert.message() == null
            ? null
            : same(alert.message(), previous == null ? null : previous.message());
    Subject subject = subject(alert.subject(), previous == null ? null : previous.subject());
    Map<String, Object> attributes =
        attributes(
            alert.attributes(), previous == null ? null : previous.attributes(), title, subject);
    String acknowledgedBy = pool.shareNullable(alert.acknowledgedBy());
    String resolvedBy = pool.shareNullable(alert.resolvedBy());
    Instant detectedAt =
        previous != null && previous.detectedAt().equals(alert.detectedAt())
            ? previous.detectedAt()
            : alert.detectedAt();
    return new Alert(
        alert.id(),
        fingerprint,
        source,
        type,
        alert.severity(),
        alert.status(),
        title,
        message,
        subject,
        alert.value(),
        alert.previousValue(),
        alert.threshold(),
        alert.changePercent(),
        attributes,
        alert.occurrences(),
        detectedAt,
        alert.lastSeenAt(),
        alert.acknowledgedAt(),
        acknowledgedBy,
        alert.resolvedAt(),
        resolvedBy,
        alert.expiresAt(),
        alert.autoResolved(),
        alert.previousSeverity(),
        alert.version(),
        alert.suppressedBy());
  }

  private @Nullable Subject subject(@Nullable Subject subject, @Nullable Subject previous) {
    if (subject == null || subject.equals(previous)) {
      return subject == null ? null : previous;
    }
    String key = subject.key();
    String name = subject.name().equals(key) ? key : subject.name();
    String type = pool.share(subject.type());
    return new Subject(type, key, name, subject.startsAt(), subject.attributes());
  }

  private Map<String, Object> attributes(
      Map<String, Object> attributes,
      @Nullable Map<String, Object> previous,
      String title,
      @Nullable Subject subject) {
    if (attributes.isEmpty() || attributes.equals(previous)) {
      return previous == null || attributes.isEmpty() ? attributes : previous;
    }
    Map<String, Object> entries = new HashMap<>(attributes.size() * 2);
    for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
      String name = pool.share(attribute.getKey());
      Object value = attribute.getValue();
      if (value instanceof String text) {
        value = text(text, previous == null ? null : previous.get(name), title, subject);
      }
      entries.put(name, value);
    }
    return Map.copyOf(entries);
  }

  /**
   * A string attribute: as the previous version had it, as the alert says it elsewhere, or pooled.
   */
  private String text(
      String text, @Nullable Object previous, String title, @Nullable Subject subject) {
    if (previous instanceof String same && text.equals(same)) {
      return same;
    }
    if (text.equals(title)) {
      return title;
    }
    if (subject != null && text.equals(subject.key())) {
      return subject.key();
    }
    return pool.share(text);
  }

  private static String same(String text, @Nullable String previous) {
    return previous != null && text.equals(previous) ? previous : text;
  }

  private String sameOrShared(String text, @Nullable String previous) {
    return previous != null && text.equals(previous) ? previous : pool.share(text);
  }
}
