package io.klaxon.alert;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an alert is about: a sports event, a server, a strategy. Deleting a subject deletes its
 * alerts.
 *
 * @param type kind of subject ({@code event}, {@code server}, {@code strategy}, …)
 * @param key identity within the type ({@code 1234}, {@code nas-01})
 * @param name human-readable name; the key when none is known
 * @param startsAt when the subject begins (a match's kick-off), if it has such a time
 * @param attributes anything else known about the subject, as JSON-like values
 */
public record Subject(
    String type,
    String key,
    String name,
    @Nullable Instant startsAt,
    Map<String, Object> attributes) {

  public Subject {
    attributes = Map.copyOf(attributes);
  }

  public static Subject of(String type, String key, @Nullable String name) {
    return new Subject(type, key, name == null || name.isBlank() ? key : name, null, Map.of());
  }

  /** {@code type/key}, the subject's reference in fingerprints and logs. */
  public String reference() {
    return type + "/" + key;
  }
}
