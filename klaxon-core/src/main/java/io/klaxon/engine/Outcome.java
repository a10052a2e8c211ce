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
  /** Nothing to do: already in that state, or no active alert for the fingerprint. */
  UNCHANGED,
  /** The command was refused; the result carries the reason. */
  REFUSED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
