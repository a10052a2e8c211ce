package io.klaxon.detect.odds;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A series within an event: market × line × outcome. For a mapped market the canonical market id
 * and canonical outcome, shared by every bookmaker; for a market with no mapping the house's own
 * market id and outcome name ({@code mapped = false}), which only the house's price change uses.
 *
 * @param line the line, with -0.0 read as 0.0 so the two are one series
 */
record SeriesKey(String market, @Nullable Double line, String outcome, boolean mapped) {

  SeriesKey {
    if (line != null && line == 0.0) {
      line = 0.0; // -0.0 == 0.0 but Double.equals tells them apart
    }
  }

  // Written out rather than left to the record's generated methods: the detector looks a series
  // up on every snapshot, and these show in its profile.
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof SeriesKey that
        && mapped == that.mapped
        && market.equals(that.market)
        && outcome.equals(that.outcome)
        && Objects.equals(line, that.line);
  }

  @Override
  public int hashCode() {
    int hash = market.hashCode();
    hash = 31 * hash + outcome.hashCode();
    hash = 31 * hash + (line == null ? 0 : Double.hashCode(line));
    return 2 * hash + (mapped ? 1 : 0);
  }

  /**
   * The key an alert of the detector names in its attributes ({@code marketId}, {@code line},
   * {@code outcome}, {@code mapped}); null when they are not the detector's.
   */
  static @Nullable SeriesKey of(Map<String, Object> attributes) {
    if (attributes.get("marketId") instanceof String market
        && attributes.get("outcome") instanceof String outcome
        && attributes.get("mapped") instanceof Boolean mapped) {
      Double line = attributes.get("line") instanceof Number number ? number.doubleValue() : null;
      return new SeriesKey(market, line, outcome, mapped);
    }
    return null;
  }

  /** The line as written in fingerprints and titles: {@code 2.5}, {@code -1}, or {@code -}. */
  String lineText() {
    if (line == null) {
      return "-";
    }
    return line == Math.rint(line) ? String.valueOf(line.longValue()) : String.valueOf(line);
  }
}
