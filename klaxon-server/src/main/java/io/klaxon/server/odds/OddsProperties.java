package io.klaxon.server.odds;

import io.klaxon.detect.odds.OddsSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The odds detector's settings ({@code klaxon.odds.*}); until the settings API exists they are read
 * at start-up only.
 *
 * @param houseBookmaker the bookmaker watched against the others (seed 000/001: betPawa)
 * @param maxPricePoints the most price points kept per alert (issue 18), the oldest dropped first
 */
@ConfigurationProperties("klaxon.odds")
record OddsProperties(
    @DefaultValue("true") boolean alertEnabled,
    @DefaultValue("7.0") double thresholdWarning,
    @DefaultValue("10.0") double thresholdElevated,
    @DefaultValue("15.0") double thresholdCritical,
    @DefaultValue("7") int retentionDays,
    @DefaultValue("60") int lookbackMinutes,
    @DefaultValue("betpawa") String houseBookmaker,
    @DefaultValue("500") int maxPricePoints) {

  OddsProperties {
    if (maxPricePoints < 1 || maxPricePoints > 100_000) {
      throw new io.klaxon.problem.InvalidInput(
          "klaxon.odds.max-price-points", "must be 1 to 100000, not " + maxPricePoints);
    }
  }

  /** The validated settings; a bad value stops the start with the field named. */
  OddsSettings settings() {
    return new OddsSettings(
        alertEnabled,
        thresholdWarning,
        thresholdElevated,
        thresholdCritical,
        retentionDays,
        lookbackMinutes,
        houseBookmaker);
  }
}
