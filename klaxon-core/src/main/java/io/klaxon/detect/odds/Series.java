package io.klaxon.detect.odds;

import io.klaxon.alert.Severity;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the detector knows of one series of one event: the house's and each competitor's price
 * window, and what it last told the engine about the series' alerts, so that an unchanged condition
 * sends nothing and a changed one updates the same alert.
 */
final class Series {

  final SeriesKey key;
  @Nullable PriceWindow house;
  private final Map<String, PriceWindow> competitors = new HashMap<>(4);

  /** The market's name, the house's when it has shown the market, else a competitor's. */
  String marketName;

  /** The house's own id of the market, for the alerts' attributes. */
  @Nullable String houseMarketId;

  /** Severity and price of the last price_change trigger, if one was sent. */
  @Nullable Severity priceSeverity;

  double priceOdds;

  /** What the last direction_disagreement trigger said, if one was sent. */
  @Nullable String disagreement;

  /** Whether an availability alert was opened and not yet resolved. */
  boolean availabilityOpen;

  Series(SeriesKey key, String marketName) {
    this.key = key;
    this.marketName = marketName;
  }

  /** The window of a bookmaker, made on its first price (and unmade by {@code undo}). */
  PriceWindow window(String bookmaker, boolean isHouse, @Nullable UndoLog undo) {
    if (isHouse) {
      PriceWindow window = house;
      if (window == null) {
        window = new PriceWindow();
        house = window;
        if (undo != null) {
          undo.record(() -> house = null);
        }
      }
      return window;
    }
    PriceWindow window = competitors.get(bookmaker);
    if (window == null) {
      window = new PriceWindow();
      competitors.put(bookmaker, window);
      if (undo != null) {
        undo.record(() -> competitors.remove(bookmaker));
      }
    }
    return window;
  }

  Collection<PriceWindow> competitors() {
    return competitors.values();
  }

  /** Each competitor's window by bookmaker. */
  Map<String, PriceWindow> competitorWindows() {
    return competitors;
  }
}
