package io.klaxon.access;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An API key as stored: never its secret, only a slow hash of it.
 *
 * @param id the public part of the key, also inside the key text, used to find it
 * @param name what the key is for, unique among keys not revoked; the actor is {@code key:<name>}
 * @param secretHash the password encoder's hash of the secret
 * @param createdBy the actor that created the key
 * @param expiresAt after this the key no longer works; null for never
 * @param lastUsedAt the last successful use, written at most once a minute; null for never
 * @param revokedAt when the key was revoked; null while it works
 */
public record ApiKey(
    String id,
    String name,
    Set<Scope> scopes,
    String secretHash,
    Instant createdAt,
    String createdBy,
    @Nullable Instant expiresAt,
    @Nullable Instant lastUsedAt,
    @Nullable Instant revokedAt) {

  public ApiKey {
    scopes = Set.copyOf(scopes);
  }

  /** The actor name recorded in history and audit entries for what this key does. */
  public String actor() {
    return "key:" + name;
  }

  /** Whether the key works at {@code now}: not revoked and not expired. */
  public boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
