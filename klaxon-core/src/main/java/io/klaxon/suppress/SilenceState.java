package io.klaxon.suppress;

import io.klaxon.problem.InvalidInput;
import java.util.Locale;

/** Where a silence stands at a time: not yet started, in force, or over. */
public enum SilenceState {
  PENDING,
  ACTIVE,
  EXPIRED;

  /** The state as the APIs write it: {@code pending}, {@code active}, {@code expired}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The state of a word.
   *
   * @throws InvalidInput naming {@code field} for any other word
   */
  public static SilenceState parse(String field, String text) {
    for (SilenceState state : values()) {
      if (state.word().equalsIgnoreCase(text.strip())) {
        return state;
      }
    }
    throw new InvalidInput(field, "'" + text + "' is not one of pending, active, expired");
  }
}
