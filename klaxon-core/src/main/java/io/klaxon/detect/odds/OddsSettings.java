package io.klaxon.detect.odds;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The odds detector's settings (seed 000), validated; field errors name the fields as the settings
 * API does.
 *
 * @param alertEnabled when false the detector keeps its windows but emits no commands
 * @param thresholdWarning price change in percent that opens a medium alert
 * @param thresholdElevated price change in percent for a high alert
 * @param thresholdCritical price change in percent for a critical alert
 * @param retentionDays how long alerts in a final status are kept (used by the retention job)
 * @param lookbackMinutes how far back a price change is measured, 1 to 1440
 * @param houseBookmaker the bookmaker watched; the others are its competitors (lowercased)
 */
public record OddsSettings(
    boolean alertEnabled,
    double thresholdWarning,
    double thresholdElevated,
    double thresholdCritical,
    int retentionDays,
    int lookbackMinutes,
    String houseBookmaker) {

  static final int MAX_LOOKBACK_MINUTES = 1440;

  /**
   * @throws InvalidInput naming every field out of range: unless {@code 0 < warning < elevated <
   *     critical}, retention under 1 day, a look-back outside 1..1440 minutes, a blank house
   */
  public OddsSettings {
    List<FieldError> errors = new ArrayList<>();
    if (!(thresholdWarning > 0) || !Double.isFinite(thresholdWarning)) {
      errors.add(new FieldError("thresholdWarning", "must be above 0, not " + thresholdWarning));
    }
    if (!(thresholdElevated > thresholdWarning) || !Double.isFinite(thresholdElevated)) {
      errors.add(
          new FieldError(
              "thresholdElevated",
              "must be above thresholdWarning ("
                  + thresholdWarning
                  + "), not "
                  + thresholdElevated));
    }
    if (!(thresholdCritical > thresholdElevated) || !Double.isFinite(thresholdCritical)) {
      errors.add(
          new FieldError(
              "thresholdCritical",
              "must be above thresholdElevated ("
                  + thresholdElevated
                  + "), not "
                  + thresholdCritical));
    }
    if (retentionDays < 1) {
      errors.add(new FieldError("retentionDays", "must be at least 1, not " + retentionDays));
    }
    if (lookbackMinutes < 1 || lookbackMinutes > MAX_LOOKBACK_MINUTES) {
      errors.add(
          new FieldError(
              "lookbackMinutes",
              "must be from 1 to " + MAX_LOOKBACK_MINUTES + ", not " + lookbackMinutes));
    }
    if (houseBookmaker == null || houseBookmaker.isBlank()) {
      errors.add(new FieldError("houseBookmaker", "is required and must not be blank"));
    } else {
      // Snapshots lowercase their bookmaker; the house must compare equal to them.
      houseBookmaker = houseBookmaker.toLowerCase(Locale.ROOT);
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /** Seed 000's defaults (7 / 10 / 15 %, 7 days, 60 minutes, enabled) for a house bookmaker. */
  public static OddsSettings defaults(String houseBookmaker) {
    return new OddsSettings(true, 7.0, 10.0, 15.0, 7, 60, houseBookmaker);
  }

  /** The look-back window as a duration. */
  public Duration lookback() {
    return Duration.ofMinutes(lookbackMinutes);
  }
}
