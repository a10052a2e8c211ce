package io.klaxon.server.odds;

import io.klaxon.detect.odds.OddsSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The odds detector's settings ({@code klaxon.odds.*}); until the settings API exists they are read
 * at start-up only.
 *
 * @param houseBookmaker the bookmaker watched against the others (seed 000/001: betPawa)
 * @param maxPricePoints the most price points kept per alert (issue 18), the oldest dropped first
 * @param roundGrace how long a round (one event's snapshots observed at one instant) that came in
 *     part waits for its other parts before it is judged (issue 18); 0 to 10 s
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
    @DefaultValue("500") int maxPricePoints,
    @DefaultValue("200ms") Duration roundGrace) {

  static final Duration MAX_ROUND_GRACE = Duration.ofSeconds(10);

  OddsProperties {
    if (roundGrace.isNegative() || roundGrace.compareTo(MAX_ROUND_GRACE) > 0) {
      throw new io.klaxon.problem.InvalidInput(
          "klaxon.odds.round-grace", "must be 0 to 10s, not " + roundGrace);
    }
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
