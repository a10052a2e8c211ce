package io.klaxon.suppress;

import java.util.Locale;

/** What can suppress an alert. */
public enum SuppressionKind {
  SILENCE,
  MAINTENANCE,
  INHIBITION,
  SNOOZE;

  /** The kind as the API writes it: {@code silence}, {@code maintenance}, … */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
