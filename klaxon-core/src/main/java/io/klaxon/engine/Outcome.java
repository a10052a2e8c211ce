package io.klaxon.engine;

import java.util.Locale;

/** What applying one command did to the alert it was about. */
public enum Outcome {
  CREATED,
  UPDATED,
  ACKNOWLEDGED,
  UNACKNOWLEDGED,
  RESOLVED,
  DISMISSED,
  EXPIRED,
  NOTED,
  /** A subject and its alerts were deleted. */
  PURGED,
  /** A final alert and its history were deleted (retention). */
  DELETED,
  /**
   * Nothing to do: already in that state, no active alert for the fingerprint, or the change's
   * condition ({@link StartedBy}) does not hold for the alert.
   */
  UNCHANGED,
  /** The command was refused; the result carries the reason. */
  REFUSED,
  /**
   * Cluster mode: the command is durable in Kafka and its partition's owner will apply it, but did
   * not answer within the wait; the result carries no alert.
   */
  ACCEPTED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
