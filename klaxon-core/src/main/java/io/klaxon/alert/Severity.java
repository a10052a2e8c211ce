package io.klaxon.alert;

import java.util.Locale;
import java.util.Map;

/** How urgent an alert is, ordered from {@link #INFO} (least) to {@link #CRITICAL} (most). */
public enum Severity {
  INFO,
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  private static final Map<String, Severity> WORDS =
      Map.ofEntries(
          Map.entry("critical", CRITICAL),
          Map.entry("immediate", CRITICAL),
          Map.entry("high", HIGH),
          Map.entry("elevated", HIGH),
          Map.entry("medium", MEDIUM),
          Map.entry("warning", MEDIUM),
          Map.entry("normal", MEDIUM),
          Map.entry("low", LOW),
          Map.entry("info", INFO));

  /** The lowercase word used in the API and in storage. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Rank for ordering: higher is more severe. */
  public int rank() {
    return switch (this) {
      case INFO -> 0;
      case LOW -> 1;
      case MEDIUM -> 2;
      case HIGH -> 3;
      case CRITICAL -> 4;
    };
  }

  /**
   * Reads a severity from its word or a seed synonym (immediate, elevated, warning, normal).
   *
   * @throws io.klaxon.problem.InvalidInput naming {@code severity} for any other word
   */
  public static Severity parse(String text) {
    return Words.parse("severity", text, WORDS, Severity.class);
  }
}
