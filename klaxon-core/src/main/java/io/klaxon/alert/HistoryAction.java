package io.klaxon.alert;

import java.util.Locale;

/** The kinds of change recorded in an alert's history. */
public enum HistoryAction {
  CREATED,
  RETRIGGERED,
  ACKNOWLEDGED,
  UNACKNOWLEDGED,
  RESOLVED,
  DISMISSED,
  EXPIRED,
  NOTED,
  /** Suppression started, or what suppresses the alert changed; its status did not. */
  SUPPRESSED,
  /** Nothing suppresses the alert any more. */
  UNSUPPRESSED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
