package io.klaxon.server.oncall;

import io.klaxon.access.Actor;
import io.klaxon.notify.ConfigDocument;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.NotificationStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The key acknowledge links are signed with: {@code klaxon.notify.ack-link-key} when set (every
 * instance of a cluster must share it), otherwise 256 random bits made once and kept in the
 * database, so that links sent before a restart still work.
 */
final class AckKey {

  static final String NAME = "ack-link-key";

  private AckKey() {}

  static byte[] of(@Nullable String configured, NotificationStore store, InstantSource clock) {
    if (configured != null && !configured.isBlank()) {
      if (configured.length() < 32) {
        throw new IllegalStateException(
            "klaxon.notify.ack-link-key must be at least 32 characters");
      }
      return configured.getBytes(StandardCharsets.UTF_8);
    }
    for (ConfigDocument document : store.documents(ConfigKind.SECRET)) {
      if (document.name().equals(NAME)) {
        return decode(document.json());
      }
    }
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    String json = "{\"key\":\"" + Base64.getEncoder().encodeToString(key) + "\"}";
    // Instances of a cluster that start together each make a key: the first saved is every one's.
    return decode(
        store.putDocumentIfAbsent(
            ConfigKind.SECRET, NAME, json, Actor.of("system"), clock.instant()));
  }

  private static byte[] decode(String json) {
    int start = json.indexOf(':');
    String value = json.substring(start + 1).replaceAll("[\\s\"{}]", "");
    return Base64.getDecoder().decode(value);
  }
}
