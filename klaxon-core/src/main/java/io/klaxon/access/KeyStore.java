package io.klaxon.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where API keys are kept (a database table in the server). */
public interface KeyStore {

  /**
   * Stores a new key.
   *
   * @throws io.klaxon.problem.Conflict when a key not revoked has the same name
   */
  void add(ApiKey key);

  /** The key with this public id, revoked or not. */
  Optional<ApiKey> find(String id);

  /** Every key, revoked ones too, oldest first. */
  List<ApiKey> list();

  /** Marks the key revoked; false when there is no such key or it was revoked already. */
  boolean revoke(String id, Instant at);

  /** Records the key's last use. */
  void touch(String id, Instant at);

  /** How many keys are neither revoked nor expired at {@code now}. */
  int countUsable(Instant now);
}
