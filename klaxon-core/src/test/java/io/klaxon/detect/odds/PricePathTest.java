package io.klaxon.detect.odds;

import static io.klaxon.detect.odds.Prices.HOUSE;
import static io.klaxon.detect.odds.Prices.at;
import static io.klaxon.detect.odds.Prices.house;
import static io.klaxon.detect.odds.Prices.price;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.engine.AlertCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 18: the prices behind a trigger, the house's and each competitor's, in the window. */
class PricePathTest {

  private final Prices prices = new Prices();

  @Test
  void aPriceChange_hasTheHousesAndEachCompetitorsPricesInsideTheWindow_houseFirst() {
    prices.take(house(0, 1.90)); // slides out of the window by minute 70
    prices.take(house(20, 2.00));
    prices.take(price("sportybet", "sb-1", "Home", null, 2.05, 25));
    prices.take(price("bet9ja", "b9-1", "1", null, 1.95, 30));
    prices.take(price("sportybet", "sb-1", "Home", null, 2.10, 60));
    List<AlertCommand> commands = prices.take(house(70, 2.40));
    AlertCommand.Trigger trigger = Prices.trigger(commands.getFirst());

    List<PricePoint> path = prices.detector.pricePath(trigger, prices.settings);

    assertThat(path)
        .containsExactly(
            new PricePoint(HOUSE, true, at(20), 2.00),
            new PricePoint(HOUSE, true, at(70), 2.40),
            new PricePoint("bet9ja", false, at(30), 1.95),
            new PricePoint("sportybet", false, at(25), 2.05),
            new PricePoint("sportybet", false, at(60), 2.10));
  }

  @Test
  void aTriggerOfAnotherSource_hasNoPath() {
    prices.take(house(0, 2.00));
    AlertCommand.Trigger other =
        AlertCommand.Trigger.of("fp", "prometheus", "cpu", io.klaxon.alert.Severity.HIGH, "t");

    assertThat(prices.detector.pricePath(other, prices.settings)).isEmpty();
  }
}
