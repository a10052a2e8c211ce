package io.klaxon.server.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.klaxon.access.ApiKey;
import io.klaxon.access.KeyRing;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.Unavailable;
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
 * the text itself, and is emptied when a key is revoked through the API. When a trusted entry
 * expires, the key is read again (revoked? expired?) but its secret is not hashed again: which key
 * a text matched is remembered, so a busy client pays one slow hash per text, not one every few
 * seconds (the slow hash showed in the ingest profile, issue 22).
 *
 * <p>While the key store cannot be reached, a text verified before keeps working as its key was
 * last read (a revoke needs the store too): in a cluster, ingest goes on into Kafka meanwhile
 * (issue 15). A text never verified is then refused with {@link Unavailable} (503), not 401.
 */
final class KeyAuthenticator {

  private static final MessageDigest SHA_256 = newSha256();

  private final KeyRing ring;
  private final Cache<String, @Nullable ApiKey> verified;
  private final Cache<String, Boolean> working;

  /** SHA-256 of a text to the key it was verified against, as last read. */
  private final Cache<String, Matched> matched;

  /** A text's verified key, as last read from the store. */
  private record Matched(ApiKey key) {}

  KeyAuthenticator(KeyRing ring, Duration ttl) {
    this.ring = ring;
    this.verified = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    this.working = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    this.matched = Caffeine.newBuilder().maximumSize(10_000).build();
  }

  /** The key the text names, when it works now; records its use. */
  Optional<ApiKey> authenticate(String text) {
    String digest = sha256(text);
    // Concurrent first requests with one key wait for a single slow hash instead of each paying it.
    @Nullable ApiKey key;
    try {
      key = verified.get(digest, ignored -> verify(digest, text));
    } catch (Unavailable away) {
      Matched before = matched.getIfPresent(digest);
      if (before == null) {
        throw away;
      }
      key = before.key();
    }
    if (key == null) {
      return Optional.empty();
    }
    if (!ring.usable(key)) {
      verified.invalidate(digest);
      return Optional.empty();
    }
    try {
      ring.used(key);
    } catch (Unavailable away) {
      // Only the "last used" time: a later request records it.
    }
    return Optional.of(key);
  }

  /**
   * The key the text names when it works now: read again by id when the text matched it before (the
   * secret hash of a key never changes), else verified with the slow hash.
   */
  private @Nullable ApiKey verify(String digest, String text) {
    Matched before = matched.getIfPresent(digest);
    if (before != null) {
      ApiKey key = find(before.key().id());
      if (key != null && key.secretHash().equals(before.key().secretHash())) {
        matched.put(digest, new Matched(key));
        return ring.usable(key) ? key : null;
      }
      matched.invalidate(digest);
    }
    ApiKey key = ring.verify(text).orElse(null);
    if (key != null) {
      matched.put(digest, new Matched(key));
    }
    return key;
  }

  private @Nullable ApiKey find(String keyId) {
    try {
      return ring.get(keyId);
    } catch (NotFound gone) {
      return null;
    }
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
    matched.invalidateAll();
  }

  private static String sha256(String text) {
    MessageDigest digest;
    try {
      // A copy of one digest: getInstance looks the algorithm up among the providers every time.
      digest = (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      digest = newSha256();
    }
    return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
