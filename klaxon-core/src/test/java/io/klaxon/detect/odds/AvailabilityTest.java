package io.klaxon.detect.odds;

import static io.klaxon.detect.odds.Prices.HOUSE;
import static io.klaxon.detect.odds.Prices.KICKOFF;
import static io.klaxon.detect.odds.Prices.house;
import static io.klaxon.detect.odds.Prices.price;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertRef;
import org.junit.jupiter.api.Test;

/** {@code availability}: the house lacks or suspends an outcome a competitor offers. */
class AvailabilityTest {

  static final String OVER = "odds|event/e1|availability/ou/2.5/Over";

  private final Prices prices = new Prices();

  private static OddsSnapshot over(String bookmaker, String marketId, int minute) {
    return price(bookmaker, marketId, "Over", 2.5, 1.90, minute);
  }

  @Test
  void aCompetitorOffersWhatTheHouseLacks_opensOnce_andResolvesWhenTheHouseHasIt() {
    prices.take(house(0, 2.00)); // the house covers the event, but not Over 2.5

    AlertCommand.Trigger trigger =
        Prices.trigger(prices.take(over("sportybet", "sb-ou", 1)).getFirst());
    assertThat(trigger.fingerprint()).isEqualTo(OVER);
    assertThat(trigger.type()).isEqualTo("availability");
    assertThat(trigger.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(trigger.expiresAt()).isEqualTo(KICKOFF);
    assertThat(trigger.attributes())
        .containsEntry("bookmaker", HOUSE)
        .containsEntry("marketId", "ou")
        .containsEntry("line", 2.5)
        .containsEntry("outcome", "Over")
        .containsEntry("houseStatus", "missing")
        .containsEntry("competitorsOffering", 1);
    assertThat(prices.take(over("bet9ja", "b9-ou", 2))).isEmpty();
    assertThat(prices.take(over("sportybet", "sb-ou", 3))).isEmpty();

    assertThat(prices.take(over(HOUSE, "bp-ou", 4)))
        .containsExactly(
            new AlertCommand.Change(
                AlertRef.fingerprint(OVER),
                Transition.RESOLVE,
                Actor.of("odds"),
                "betpawa offers it again",
                true));
    assertThat(prices.take(over("sportybet", "sb-ou", 5))).isEmpty();
  }

  @Test
  void theHouseSuspendingIt_opens_andOfferingItAgain_resolves() {
    prices.take(over(HOUSE, "bp-ou", 0));
    prices.take(over("sportybet", "sb-ou", 0));

    assertThat(prices.take(over(HOUSE, "bp-ou", 1).suspended()))
        .singleElement()
        .satisfies(
            c ->
                assertThat(Prices.trigger(c).attributes())
                    .containsEntry("houseStatus", "suspended"));
    assertThat(prices.take(over(HOUSE, "bp-ou", 2).suspended())).isEmpty();
    assertThat(prices.take(over(HOUSE, "bp-ou", 3)))
        .singleElement()
        .isInstanceOf(AlertCommand.Change.class);
  }

  @Test
  void bothSuspended_isNoAlert() {
    prices.take(over(HOUSE, "bp-ou", 0).suspended());

    assertThat(prices.take(over("sportybet", "sb-ou", 1).suspended())).isEmpty();
  }

  @Test
  void beforeTheHouseShowsAnyMarketOfTheEvent_nothingIsMissing() {
    assertThat(prices.take(over("sportybet", "sb-ou", 0))).isEmpty();
  }

  @Test
  void aHousePriceOlderThanTheLookBack_noLongerOffersIt() {
    prices.take(over(HOUSE, "bp-ou", 0));
    assertThat(prices.take(over("sportybet", "sb-ou", 60))).isEmpty();

    assertThat(prices.take(over("sportybet", "sb-ou", 61)))
        .singleElement()
        .satisfies(
            c ->
                assertThat(Prices.trigger(c).attributes()).containsEntry("houseStatus", "missing"));
  }

  @Test
  void anUnmappedCompetitorMarket_raisesNoAvailability() {
    prices.take(house(0, 2.00));

    assertThat(prices.take(price("sportybet", "sb-corners", "Over", 9.5, 1.90, 1))).isEmpty();
  }
}
