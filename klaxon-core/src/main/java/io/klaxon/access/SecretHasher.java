package io.klaxon.access;

/**
 * A slow one-way hash for key secrets (the server uses a password encoder from a well-kept
 * library); kept behind this port so the core stays free of frameworks.
 */
public interface SecretHasher {

  /** A salted hash of the secret, safe to store. */
  String hash(String secret);

  /** Whether the secret is the one the hash was made from. */
  boolean matches(String secret, String hash);
}
