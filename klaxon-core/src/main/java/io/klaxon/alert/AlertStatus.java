package io.klaxon.alert;

import java.util.Locale;
import java.util.Map;

/** Where an alert is in its lifecycle; RESOLVED, DISMISSED and EXPIRED are final. */
public enum AlertStatus {
  OPEN,
  ACKNOWLEDGED,
  RESOLVED,
  DISMISSED,
  EXPIRED;

  private static final Map<String, AlertStatus> WORDS =
      Map.ofEntries(
          Map.entry("open", OPEN),
          Map.entry("new", OPEN),
          Map.entry("active", OPEN),
          Map.entry("acknowledged", ACKNOWLEDGED),
          Map.entry("resolved", RESOLVED),
          Map.entry("closed", RESOLVED),
          Map.entry("dismissed", DISMISSED),
          Map.entry("expired", EXPIRED),
          Map.entry("past", EXPIRED));

  /** The lowercase word used in the API and in storage. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Open or acknowledged: the alert still deduplicates triggers of its fingerprint. */
  public boolean isActive() {
    return this == OPEN || this == ACKNOWLEDGED;
  }

  public boolean isFinal() {
    return !isActive();
  }

  /**
   * Reads a status from its word or a seed synonym (new, active, past, closed).
   *
   * @throws io.klaxon.problem.InvalidInput naming {@code status} for any other word
   */
  public static AlertStatus parse(String text) {
    return Words.parse("status", text, WORDS, AlertStatus.class);
  }
}
