package io.klaxon.alert;

import java.util.Locale;

/** What can suppress an alert. */
public enum SuppressionKind {
  SILENCE,
  /** A maintenance window's occurrence. */
  WINDOW,
  INHIBITION,
  SNOOZE;

  /** The kind as the API writes it: {@code silence}, {@code window}, … */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind of a word.
   *
   * @throws IllegalArgumentException for any other word
   */
  public static SuppressionKind parse(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }
}
