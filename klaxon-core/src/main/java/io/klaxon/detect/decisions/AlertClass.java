package io.klaxon.detect.decisions;

import java.util.Locale;

/**
 * Seed 004's alert type of a decision alert, kept as the attribute {@code class}: Klaxon's own
 * {@code type} is the rule that fired.
 */
public enum AlertClass {
  INFO,
  WARNING,
  CRITICAL;

  /** The lowercase word stored in the {@code class} attribute, which queries compare against. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
