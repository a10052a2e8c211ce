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
  NOTED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
