package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AttributeMap;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Makes the alerts the active index keeps small: an alert arrives with every string fresh from its
 * request (attribute names, label values, its source and type), so that 100,000 active alerts held
 * about 1.9 KB of heap each, most of it equal strings. The compact copy is equal to the alert; it
 * reuses what the alert's previous version held where equal, shares a value the alert repeats (its
 * title in an annotation, its subject's key in a label) and shares across alerts what several of
 * them carry, through a {@link StringPool}; its attributes are an {@link AttributeMap} whose names
 * are shared by every alert with the same ones. Not thread-safe: the engine's writer owns it.
 */
final class AlertCompactor {

  /**
   * Strings per table of the pool: small, since every partition has its own index and pool (16 on
   * PostgreSQL); a string repeated by many alerts is seen twice long before a table fills.
   */
  static final int CAPACITY = 4_096;

  /** Attribute name sets kept: producers send few, so a full table is simply emptied. */
  static final int SHAPES = 256;

  private final StringPool pool;

  /** Shared attribute names, by the sorted names. */
  private final Map<List<String>, AttributeMap.Names> shapes = new HashMap<>();

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
    return AttributeMap.of(
        names(attributes.keySet(), previous),
        name -> {
          Object value = attributes.get(name);
          if (value instanceof String text) {
            return text(text, previous == null ? null : previous.get(name), title, subject);
          }
          return Objects.requireNonNull(value, name);
        });
  }

  /**
   * The shared names of a map with these keys: the previous version's when it had the same, else
   * those of the names seen before, sorted so that the order a request gave them in does not count.
   */
  private AttributeMap.Names names(Set<String> keys, @Nullable Map<String, Object> previous) {
    if (previous instanceof AttributeMap kept && hasAll(kept, keys)) {
      return kept.names();
    }
    String[] sorted = keys.toArray(String[]::new);
    Arrays.sort(sorted);
    List<String> key = Arrays.asList(sorted);
    AttributeMap.Names names = shapes.get(key);
    if (names == null) {
      if (shapes.size() >= SHAPES) {
        shapes.clear(); // maps made with the names forgotten keep them
      }
      names = AttributeMap.Names.of(key);
      shapes.put(key, names);
    }
    return names;
  }

  private static boolean hasAll(AttributeMap map, Set<String> keys) {
    if (map.size() != keys.size()) {
      return false;
    }
    for (String key : keys) {
      if (!map.containsKey(key)) {
        return false;
      }
    }
    return true;
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
