package io.klaxon.detect.decisions;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a decision engine decided to do with a position. */
public enum DecisionAction {
  CLOSE,
  ROLL,
  HOLD;

  /** The lowercase word used in alert attributes and the API. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an action from its name, case-insensitively.
   *
   * @throws io.klaxon.problem.InvalidInput naming {@code action} when missing or any other word
   */
  public static DecisionAction parse(@Nullable String text) {
    return EnumWords.parse("action", text, DecisionAction.class);
  }
}
