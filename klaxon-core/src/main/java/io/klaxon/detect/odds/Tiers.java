package io.klaxon.detect.odds;

import io.klaxon.alert.Severity;
import org.jspecify.annotations.Nullable;

/** The severity a price change reaches under the settings' thresholds, each threshold included. */
final class Tiers {

  private Tiers() {}

  /** Critical at or above critical, high at or above elevated, medium at or above warning. */
  static @Nullable Severity of(double percent, OddsSettings settings) {
    double size = Math.abs(percent);
    if (size >= settings.thresholdCritical()) {
      return Severity.CRITICAL;
    }
    if (size >= settings.thresholdElevated()) {
      return Severity.HIGH;
    }
    if (size >= settings.thresholdWarning()) {
      return Severity.MEDIUM;
    }
    return null;
  }

  /** The threshold a severity starts at, recorded as the alert's {@code threshold}. */
  static double threshold(Severity severity, OddsSettings settings) {
    return switch (severity) {
      case CRITICAL -> settings.thresholdCritical();
      case HIGH -> settings.thresholdElevated();
      default -> settings.thresholdWarning();
    };
  }
}
