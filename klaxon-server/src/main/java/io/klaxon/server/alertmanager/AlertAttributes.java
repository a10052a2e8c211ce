package io.klaxon.server.alertmanager;

import io.klaxon.alert.Alert;
import io.klaxon.engine.AttributeMerge;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * How an Alertmanager alert is kept in a Klaxon alert's attributes, and read back. The layout is
 * flat so that the list API's {@code attr.NAME=VALUE} filter reaches every part of it: {@code
 * labels.NAME} and {@code annotations.NAME} for each label and annotation, {@code generatorURL},
 * {@code startsAt} (the earliest seen), {@code endsAt} (as last sent, when sent), {@code
 * receivedAt} (the last time Klaxon got it) and {@code receivedVia} ({@code api} or {@code
 * webhook}), times as ISO-8601 text.
 */
final class AlertAttributes {

  static final String LABEL = "labels.";
  static final String ANNOTATION = "annotations.";
  static final String GENERATOR_URL = "generatorURL";
  static final String STARTS_AT = "startsAt";
  static final String ENDS_AT = "endsAt";
  static final String RECEIVED_AT = "receivedAt";
  static final String RECEIVED_VIA = "receivedVia";

  /** The paths an alert can come in by; only alerts posted to the API time out. */
  enum Via {
    API("api"),
    WEBHOOK("webhook");

    final String word;

    Via(String word) {
      this.word = word;
    }
  }

  /** Remembered conversions, one per attribute: see {@link TimeText}. */
  private static final TimeText STARTS_AT_TEXT = new TimeText();

  private static final TimeText ENDS_AT_TEXT = new TimeText();
  private static final TimeText RECEIVED_AT_TEXT = new TimeText();

  /**
   * The attribute names of the label and annotation names seen, one string each: an alert's names
   * were concatenated and hashed afresh per alert (Map.ofEntries hashes every key: 7% of the
   * request threads' samples in the issue 22 profile), and the engine compares a re-trigger's names
   * with the active alert's, which are then the same strings. Names are the producer's: past {@link
   * #MAX_NAMES} a name is built afresh each time instead of kept.
   */
  private static final ConcurrentHashMap<String, String> LABEL_NAMES = new ConcurrentHashMap<>();

  private static final ConcurrentHashMap<String, String> ANNOTATION_NAMES =
      new ConcurrentHashMap<>();
  private static final int MAX_NAMES = 4096;

  private AlertAttributes() {}

  /**
   * How the engine merges a re-send's attributes with the active alert's: the alert keeps the
   * earliest {@code startsAt} sent, as Alertmanager does, and the {@code receivedAt} of its first
   * receipt (its last is {@code lastSeenAt}): a re-send that changes nothing else then moves only
   * the alert's counts, which the engine keeps in its re-trigger log instead of rewriting the
   * alert's row.
   */
  static final AttributeMerge MERGE = new AttributeMerge(Set.of(RECEIVED_AT), Set.of(STARTS_AT));

  /** The attributes of a posted alert, as sent; {@link #MERGE} says what an active alert keeps. */
  static Map<String, Object> of(PostedAlert alert, Instant startsAt, Instant receivedAt, Via via) {
    // Built immutable in one go: the engine's command keeps it as it is (Map.copyOf of an
    // immutable map is that map), where a LinkedHashMap was filled and then copied per alert.
    String generatorURL = alert.generatorURL();
    if (generatorURL != null && generatorURL.isEmpty()) {
      generatorURL = null;
    }
    Instant endsAt = alert.endsAt();
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map.Entry<String, Object>[] entries =
        new Map.Entry
            [alert.labels().size()
                + alert.annotations().size()
                + (generatorURL != null ? 1 : 0)
                + (endsAt != null ? 1 : 0)
                + 3];
    int next = 0;
    for (Map.Entry<String, String> label : alert.labels().entrySet()) {
      entries[next++] = Map.entry(name(LABEL_NAMES, LABEL, label.getKey()), label.getValue());
    }
    for (Map.Entry<String, String> annotation : alert.annotations().entrySet()) {
      entries[next++] =
          Map.entry(name(ANNOTATION_NAMES, ANNOTATION, annotation.getKey()), annotation.getValue());
    }
    if (generatorURL != null) {
      entries[next++] = Map.entry(GENERATOR_URL, generatorURL);
    }
    entries[next++] = Map.entry(STARTS_AT, STARTS_AT_TEXT.format(startsAt));
    if (endsAt != null) {
      entries[next++] = Map.entry(ENDS_AT, ENDS_AT_TEXT.format(endsAt));
    }
    entries[next++] = Map.entry(RECEIVED_AT, RECEIVED_AT_TEXT.format(receivedAt));
    entries[next] = Map.entry(RECEIVED_VIA, via.word);
    return Map.ofEntries(entries);
  }

  /** {@code prefix + name}, the one kept in {@code names} when there is room for it. */
  private static String name(ConcurrentHashMap<String, String> names, String prefix, String name) {
    String kept = names.get(name);
    if (kept != null) {
      return kept;
    }
    String made = prefix + name;
    if (names.size() >= MAX_NAMES) {
      return made;
    }
    kept = names.putIfAbsent(name, made);
    return kept != null ? kept : made;
  }

  /** The alert's labels, sorted by name. */
  static Map<String, String> labels(Alert alert) {
    return prefixed(alert, LABEL);
  }

  /** The alert's annotations, sorted by name. */
  static Map<String, String> annotations(Alert alert) {
    return prefixed(alert, ANNOTATION);
  }

  static @Nullable String generatorURL(Alert alert) {
    return alert.attributes().get(GENERATOR_URL) instanceof String url ? url : null;
  }

  /** The earliest {@code startsAt} sent; the time Klaxon first saw it when that is unreadable. */
  static Instant startsAt(Alert alert) {
    Instant startsAt = time(alert, STARTS_AT);
    return startsAt != null ? startsAt : alert.detectedAt();
  }

  /** {@code endsAt} as last sent, if it was. */
  static @Nullable Instant endsAt(Alert alert) {
    return time(alert, ENDS_AT);
  }

  /**
   * When Klaxon last received the alert: its last re-send ({@code lastSeenAt}), or its first
   * receipt when that was later (a first trigger's {@code lastSeenAt} is its {@code startsAt}).
   */
  static Instant receivedAt(Alert alert) {
    Instant first = time(alert, RECEIVED_AT);
    return first != null && first.isAfter(alert.lastSeenAt()) ? first : alert.lastSeenAt();
  }

  /** Whether the alert was last received by the given path. */
  static boolean cameVia(Alert alert, Via via) {
    return via.word.equals(alert.attributes().get(RECEIVED_VIA));
  }

  /** Whether the alert is keyed by a label set, as this package makes them. */
  static boolean isLabelSet(Alert alert) {
    return alert.fingerprint().startsWith(LabelFingerprint.PREFIX);
  }

  private static Map<String, String> prefixed(Alert alert, String prefix) {
    Map<String, String> found = new TreeMap<>();
    alert
        .attributes()
        .forEach(
            (name, value) -> {
              if (name.startsWith(prefix)) {
                found.put(name.substring(prefix.length()), String.valueOf(value));
              }
            });
    return found;
  }

  private static @Nullable Instant time(Alert alert, String name) {
    if (alert.attributes().get(name) instanceof String text) {
      TimeText conversion =
          switch (name) {
            case STARTS_AT -> STARTS_AT_TEXT;
            case ENDS_AT -> ENDS_AT_TEXT;
            default -> RECEIVED_AT_TEXT;
          };
      try {
        return conversion.parseInstant(text);
      } catch (DateTimeParseException e) {
        return null; // someone else's attribute of the same name: fall back, do not fail a list
      }
    }
    return null;
  }
}
