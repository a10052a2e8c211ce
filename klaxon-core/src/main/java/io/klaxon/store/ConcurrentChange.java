package io.klaxon.store;

import org.jspecify.annotations.Nullable;

/** A stored alert changed under the engine (another writer): the whole change set is refused. */
public final class ConcurrentChange extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConcurrentChange(long alertId, long expectedVersion) {
    super("alert " + alertId + " is no longer at version " + expectedVersion);
  }

  /** Another writer stored what the engine meant to create (an id, an active fingerprint). */
  public ConcurrentChange(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
