package io.klaxon.detect.decisions;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How soon a decision must be acted on, from {@link #IMMEDIATE} (act now) to {@link #LOW}. */
public enum Urgency {
  IMMEDIATE,
  HIGH,
  NORMAL,
  LOW;

  /** The lowercase word used in alert attributes and the API. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an urgency from its name, case-insensitively.
   *
   * @throws io.klaxon.problem.InvalidInput naming {@code urgency} when missing or any other word
   */
  public static Urgency parse(@Nullable String text) {
    return EnumWords.parse("urgency", text, Urgency.class);
  }
}
