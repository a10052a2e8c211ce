package io.klaxon.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyRing;
import io.klaxon.problem.NotFound;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Verifies key texts with one slow hash and then trusts the result for a short while, so a busy
 * client does not pay a slow hash per request. The cache is keyed by a SHA-256 of the text, never
 * the text itself, and is emptied when a key is revoked through the API.
 */
final class KeyAuthenticator {

  private final KeyRing ring;
  private final Cache<String, @Nullable ApiKey> verified;
  private final Cache<String, Boolean> working;

  KeyAuthenticator(KeyRing ring, Duration ttl) {
    this.ring = ring;
    this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    this.working = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
  }

  /** The key the text names, when it works now; records its use. */
  Optional<ApiKey> authenticate(String text) {
    String digest = sha256(text);
    // Concurrent first requests with one key wait for a single slow hash instead of each paying it.
    ApiKey key = verified.get(digest, ignored -> ring.verify(text).orElse(null));
    if (key == null) {
      return Optional.empty();
    }
    if (!ring.usable(key)) {
      verified.invalidate(digest);
      return Optional.empty();
    }
    ring.used(key);
    return Optional.of(key);
  }

  /** Whether the key a session signed in with still works (not revoked, not expired). */
  boolean stillWorks(String keyId) {
    return working.get(
        keyId,
        id -> {
          try {
            return ring.usable(ring.get(id));
          } catch (NotFound gone) {
            return false;
          }
        });
  }

  /** Forgets every verified key, so a revoke takes effect at once. */
  void forgetAll() {
    verified.invalidateAll();
    working.invalidateAll();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
