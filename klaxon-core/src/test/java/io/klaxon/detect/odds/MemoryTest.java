package io.klaxon.detect.odds;

import static io.klaxon.detect.odds.Prices.KICKOFF;
import static io.klaxon.detect.odds.Prices.house;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Severity;
import org.junit.jupiter.api.Test;

/** The detector keeps only the look-back window per series, and forgets events at kick-off. */
class MemoryTest {

  @Test
  void aWindow_holdsOnlyThePricesInsideTheLookBack() {
    PriceWindow window = new PriceWindow();
    long minute = 60_000;
    for (long t = 0; t < 1_000; t++) {
      window.add(t * minute, 2.0 + t / 1000.0, true, (t - 60) * minute);
    }

    assertThat(window.size()).isEqualTo(61); // minutes 939..999, both ends included
    Move move = window.move(939 * minute);
    assertThat(move).isNotNull();
    assertThat(move.from()).isEqualTo(2.939);
    assertThat(move.to()).isEqualTo(2.999);
  }

  @Test
  void aSuspendedSighting_addsNoPrice_butIsTheLastSighting() {
    PriceWindow window = new PriceWindow();
    window.add(0, 2.0, true, -60);
    window.add(1, 2.0, false, -59);

    assertThat(window.size()).isOne();
    assertThat(window.offers(0)).isFalse();
    assertThat(window.seenSince(1)).isTrue();
  }

  @Test
  void aSnapshotAtOrAfterKickoff_sendsNothing_itsAlertWouldBeBornExpired() {
    Prices prices = new Prices();
    prices.take(house(0, 2.00));

    assertThat(prices.take(house(360, 3.00))).isEmpty();
  }

  @Test
  void startedEvents_areForgotten_andTheNextPriceStartsAfresh() {
    Prices prices = new Prices();
    prices.take(house(0, 2.00));

    assertThat(prices.detector.forgetStarted(KICKOFF.minusSeconds(1))).isZero();
    assertThat(prices.detector.forgetStarted(KICKOFF)).isOne();
    assertThat(prices.detector.events()).isZero();
  }

  @Test
  void aForgottenEvent_hasNoWindowToCompareWith() {
    Prices prices = new Prices();
    prices.take(house(0, 2.00));
    prices.detector.forgetEvent(Prices.EVENT);

    assertThat(prices.take(house(1, 2.50))).isEmpty();
    assertThat(prices.take(house(2, 2.70)))
        .singleElement()
        .satisfies(c -> assertThat(Prices.trigger(c).severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void aNewHouse_startsFromEmptyWindows_neverMixingTwoBookmakersPrices() {
    Prices prices = new Prices();
    prices.take(house(0, 2.00));
    prices.take(Prices.price("sportybet", "sb-1", "Home", null, 2.00, 0));

    prices.settings = OddsSettings.defaults("sportybet");
    // Had the old windows stayed, betpawa's 2.00 would be the reference of sportybet's 2.30.
    assertThat(prices.take(Prices.price("sportybet", "sb-1", "Home", null, 2.30, 1))).isEmpty();
    assertThat(prices.take(Prices.price("sportybet", "sb-1", "Home", null, 2.50, 2)))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(Prices.trigger(c).attributes()).containsEntry("bookmaker", "sportybet");
              assertThat(Prices.trigger(c).changePercent()).isEqualTo(8.695652);
            });
  }
}
