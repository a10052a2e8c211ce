package io.klaxon.detect.hosts;

import io.klaxon.alert.Severity;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Where the last signal of a check stood against its thresholds. */
public enum Level {
  NONE,
  HIGH,
  CRITICAL;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The severity of an alert at this level; null for {@link #NONE}. */
  public @Nullable Severity severity() {
    return switch (this) {
      case NONE -> null;
      case HIGH -> Severity.HIGH;
      case CRITICAL -> Severity.CRITICAL;
    };
  }

  /**
   * The level a word names.
   *
   * @throws IllegalArgumentException for any word but none, high and critical
   */
  public static Level parse(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }
}
