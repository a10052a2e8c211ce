package io.klaxon.server.odds;

import io.klaxon.detect.odds.OddsSettings;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;

/** The risk alert settings with seed 000's names, as the API shows and stores them. */
public record AlertSettingsView(
    boolean alertEnabled,
    double alertThresholdWarning,
    double alertThresholdElevated,
    double alertThresholdCritical,
    int alertRetentionDays,
    int alertLookbackMinutes,
    String houseBookmaker) {

  public static AlertSettingsView of(OddsSettings s) {
    return new AlertSettingsView(
        s.alertEnabled(),
        s.thresholdWarning(),
        s.thresholdElevated(),
        s.thresholdCritical(),
        s.retentionDays(),
        s.lookbackMinutes(),
        s.houseBookmaker());
  }

  /** Validates them into the detector's settings, naming each bad field in the API's terms. */
  public OddsSettings toSettings() {
    try {
      return new OddsSettings(
          alertEnabled,
          alertThresholdWarning,
          alertThresholdElevated,
          alertThresholdCritical,
          alertRetentionDays,
          alertLookbackMinutes,
          houseBookmaker);
    } catch (InvalidInput e) {
      throw new InvalidInput(
          e.errors().stream().map(f -> new FieldError(apiName(f.field()), f.reason())).toList());
    }
  }

  /**
   * The core's field name as the API spells it: {@code thresholdWarning} → {@code
   * alertThresholdWarning}.
   */
  private static String apiName(String field) {
    return switch (field) {
      case "houseBookmaker", "alertEnabled" -> field;
      default -> "alert" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    };
  }
}
