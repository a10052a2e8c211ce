package io.klaxon.detect.odds;

import io.klaxon.engine.AlertCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Hand-made price paths for one event, "Arsenal v Chelsea" (e1), kicking off at 18:00: a price is a
 * bookmaker, its market id, outcome and odds at a minute after 12:00.
 */
final class Prices {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final Instant KICKOFF = T0.plus(Duration.ofHours(6));
  static final String EVENT = "e1";
  static final String HOUSE = "betpawa";

  final FakeMarkets markets = FakeMarkets.standard();
  final OddsDetector detector = new OddsDetector(markets);
  OddsSettings settings = OddsSettings.defaults(HOUSE);

  static Instant at(int minute) {
    return T0.plus(Duration.ofMinutes(minute));
  }

  /** A house price on the 1X2 market, outcome 1. */
  static OddsSnapshot house(int minute, double odds) {
    return price(HOUSE, "bp-1x2", "1", null, odds, minute);
  }

  static OddsSnapshot price(
      String bookmaker,
      String marketId,
      String outcome,
      @Nullable Double line,
      double odds,
      int minute) {
    return new OddsSnapshot(
        EVENT,
        "Arsenal v Chelsea",
        KICKOFF,
        bookmaker,
        marketId,
        "Match result",
        line,
        outcome,
        odds,
        at(minute));
  }

  List<AlertCommand> take(OddsSnapshot snapshot) {
    return detector.onSnapshot(snapshot, settings);
  }

  /** The triggers of the house's 1X2 outcome 1 over a path of prices, one a minute from 0. */
  List<AlertCommand.Trigger> housePath(double... odds) {
    List<AlertCommand.Trigger> triggers = new ArrayList<>();
    for (int i = 0; i < odds.length; i++) {
      take(house(i, odds[i])).forEach(command -> triggers.add((AlertCommand.Trigger) command));
    }
    return triggers;
  }

  static AlertCommand.Trigger trigger(AlertCommand command) {
    return (AlertCommand.Trigger) command;
  }
}
