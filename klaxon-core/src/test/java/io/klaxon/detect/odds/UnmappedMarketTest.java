package io.klaxon.detect.odds;

import static io.klaxon.detect.odds.Prices.HOUSE;
import static io.klaxon.detect.odds.Prices.house;
import static io.klaxon.detect.odds.Prices.price;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Markets with no mapping: every sighting goes to the unmapped log (source = the bookmaker); the
 * house's still gets {@code price_change}, keyed by its own id; a competitor's is compared with
 * nothing.
 */
class UnmappedMarketTest {

  private final Prices prices = new Prices();

  @Test
  void anUnmappedHouseMarket_isLogged_andStillGetsPriceChange_keyedByItsOwnId() {
    prices.take(price(HOUSE, "bp-corners", "Over", 9.5, 2.00, 0));
    List<AlertCommand> commands = prices.take(price(HOUSE, "bp-corners", "Over", 9.5, 2.30, 1));

    assertThat(commands)
        .singleElement()
        .satisfies(
            c -> {
              AlertCommand.Trigger trigger = Prices.trigger(c);
              assertThat(trigger.fingerprint())
                  .isEqualTo("odds|event/e1|price_change/~betpawa:bp-corners/9.5/Over");
              assertThat(trigger.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(trigger.attributes())
                  .containsEntry("marketId", "bp-corners")
                  .containsEntry("mapped", false)
                  .containsEntry("line", 9.5)
                  .doesNotContainKey("bookmakerMarketId");
            });
    assertThat(prices.markets.unmapped)
        .hasSize(2)
        .allSatisfy(
            s -> {
              assertThat(s.source()).isEqualTo(HOUSE);
              assertThat(s.externalMarketId()).isEqualTo("bp-corners");
              assertThat(s.sampleOutcomes()).containsExactly("Over");
            });
  }

  @Test
  void anUnmappedCompetitorMarket_isLogged_andKeepsNoWindow() {
    assertThat(prices.take(price("sportybet", "sb-corners", "Over", 9.5, 2.00, 0))).isEmpty();

    assertThat(prices.markets.unmapped)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.source()).isEqualTo("sportybet");
              assertThat(s.externalMarketId()).isEqualTo("sb-corners");
            });
    assertThat(prices.detector.events()).isZero();
  }

  @Test
  void aMappedMarket_isNotLogged_andACompetitorsOutcomeNameIsTranslated() {
    prices.take(house(0, 2.00));
    prices.take(price("sportybet", "sb-1", "Home", null, 2.00, 0));
    prices.take(price("sportybet", "sb-1", "Home", null, 2.20, 1));

    // sportybet's "Home" is outcome 1: it drifted, so the house shortening is a disagreement.
    assertThat(prices.take(house(2, 1.80)))
        .extracting(c -> Prices.trigger(c).type())
        .containsExactly("price_change", "direction_disagreement");
    assertThat(prices.markets.unmapped).isEmpty();
  }

  @Test
  void longNames_makeATitleCutToWhatTheEngineTakes() {
    String name = "N".repeat(255);
    prices.take(longNamed(name, 2.00, 0));

    assertThat(prices.take(longNamed(name, 2.30, 1)))
        .singleElement()
        .satisfies(c -> assertThat(Prices.trigger(c).title()).hasSize(500).endsWith("…"));
  }

  private static OddsSnapshot longNamed(String name, double odds, int minute) {
    return new OddsSnapshot(
        Prices.EVENT,
        null,
        Prices.KICKOFF,
        HOUSE,
        "bp-long",
        name,
        null,
        name,
        odds,
        Prices.at(minute));
  }
}
