package io.klaxon.detect.odds;

import static io.klaxon.detect.odds.Prices.HOUSE;
import static io.klaxon.detect.odds.Prices.KICKOFF;
import static io.klaxon.detect.odds.Prices.at;
import static io.klaxon.detect.odds.Prices.house;
import static io.klaxon.detect.odds.Prices.price;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code price_change} on hand-made house price paths, with seed 000's defaults: warning 7 %
 * (medium), elevated 10 % (high), critical 15 % (critical), look-back 60 minutes.
 */
class PriceChangeTest {

  static final String FINGERPRINT = "odds|event/e1|price_change/1x2/-/1";

  private final Prices prices = new Prices();

  @ParameterizedTest(name = "2.00 → {0}: {1} % is {2}")
  @CsvSource(
      nullValues = "none",
      textBlock =
          """
          # new odds, change %, severity (each threshold belongs to its tier)
          2.1398,  6.99,   none
          2.14,    7.0,    MEDIUM
          2.1998,  9.99,   MEDIUM
          2.20,    10.0,   HIGH
          2.2998,  14.99,  HIGH
          2.30,    15.0,   CRITICAL
          3.00,    50.0,   CRITICAL
          1.8602, -6.99,   none
          1.86,   -7.0,    MEDIUM
          1.80,   -10.0,   HIGH
          1.70,   -15.0,   CRITICAL
          """)
  void tierBoundaries(double odds, double percent, @Nullable Severity expected) {
    List<AlertCommand.Trigger> triggers = prices.housePath(2.00, odds);

    if (expected == null) {
      assertThat(triggers).isEmpty();
      return;
    }
    assertThat(triggers)
        .singleElement()
        .satisfies(
            trigger -> {
              assertThat(trigger.severity()).isEqualTo(expected);
              assertThat(trigger.changePercent()).isEqualTo(percent);
              assertThat(trigger.value()).isEqualTo(odds);
            });
  }

  @Test
  void aTrigger_carriesTheEventTheMarketAndBothPrices() {
    AlertCommand.Trigger trigger = prices.housePath(2.00, 2.25).getFirst();

    assertThat(trigger.fingerprint()).isEqualTo(FINGERPRINT);
    assertThat(trigger.source()).isEqualTo("odds");
    assertThat(trigger.actor()).isEqualTo(Actor.of("odds"));
    assertThat(trigger.type()).isEqualTo("price_change");
    assertThat(trigger.severity()).isEqualTo(Severity.HIGH);
    assertThat(trigger.value()).isEqualTo(2.25);
    assertThat(trigger.threshold()).isEqualTo(10.0);
    assertThat(trigger.changePercent()).isEqualTo(12.5);
    assertThat(trigger.occurredAt()).isEqualTo(at(1));
    assertThat(trigger.expiresAt()).isEqualTo(KICKOFF);
    assertThat(trigger.subject()).isNotNull();
    assertThat(trigger.subject().reference()).isEqualTo("event/e1");
    assertThat(trigger.subject().name()).isEqualTo("Arsenal v Chelsea");
    assertThat(trigger.subject().startsAt()).isEqualTo(KICKOFF);
    assertThat(trigger.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "bookmaker", HOUSE,
                "marketId", "1x2",
                "bookmakerMarketId", "bp-1x2",
                "marketName", "Match result",
                "mapped", true,
                "outcome", "1",
                "previousOdds", 2.00));
    assertThat(trigger.title()).isEqualTo("1 · Match result: betpawa drifted 12.50 %");
  }

  @Test
  void furtherMoves_updateTheSameAlert_escalatingAndDeEscalating() {
    // Against 2.00, the oldest price in the window: 7.5 %, 12.5 %, 16 %, 8 %, then 8 % again.
    List<AlertCommand.Trigger> triggers = prices.housePath(2.00, 2.15, 2.25, 2.32, 2.16, 2.16);

    assertThat(triggers).extracting(AlertCommand.Trigger::fingerprint).containsOnly(FINGERPRINT);
    assertThat(triggers)
        .extracting(AlertCommand.Trigger::severity)
        .containsExactly(Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL, Severity.MEDIUM);
    assertThat(triggers)
        .extracting(AlertCommand.Trigger::changePercent)
        .containsExactly(7.5, 12.5, 16.0, 8.0);
  }

  @Test
  void aMoveWithinTheSameTier_updatesTheValue_aRepeatSendsNothing() {
    List<AlertCommand.Trigger> triggers = prices.housePath(2.00, 2.15, 2.16, 2.16);

    assertThat(triggers).extracting(AlertCommand.Trigger::value).containsExactly(2.15, 2.16);
  }

  @Test
  void aMoveBackUnderWarning_sendsNothing_theAlertStaysForTheRiskDesk() {
    assertThat(prices.housePath(2.00, 2.25, 2.05)).hasSize(1);
  }

  @Test
  void thePriceExactlyALookBackOld_isStillInTheWindow() {
    prices.take(house(0, 2.00));

    assertThat(prices.take(house(60, 2.20)))
        .singleElement()
        .satisfies(command -> assertThat(Prices.trigger(command).changePercent()).isEqualTo(10.0));
  }

  @Test
  void pricesOlderThanTheLookBack_dropOut_andTheOldestInsideIsTheReference() {
    prices.take(house(0, 2.00));
    prices.take(house(30, 2.10)); // +5 %: nothing yet

    // At 12:61 the 2.00 of 12:00 is out; against 2.10, 2.20 is +4.76 %.
    assertThat(prices.take(house(61, 2.20))).isEmpty();
    // At 12:91 the 2.10 is out too; 2.20 alone is no move, and 2.40 at 12:92 is +9.09 %.
    assertThat(prices.take(house(91, 2.20))).isEmpty();
    assertThat(prices.take(house(92, 2.40)))
        .singleElement()
        .satisfies(c -> assertThat(Prices.trigger(c).severity()).isEqualTo(Severity.MEDIUM));
  }

  @Test
  void aShorterLookBack_forgetsSooner() {
    prices.settings = new OddsSettings(true, 7, 10, 15, 7, 5, HOUSE);
    prices.take(house(0, 2.00));

    assertThat(prices.take(house(6, 2.40))).isEmpty();
  }

  @Test
  void aLateOrRepeatedSnapshot_isIgnored() {
    prices.take(house(10, 2.00));

    assertThat(prices.take(house(5, 2.40))).isEmpty();
    assertThat(prices.take(house(10, 2.40))).isEmpty();
    assertThat(prices.take(house(11, 2.10))).isEmpty(); // 2.00 → 2.10 is 5 %: 2.40 never counted
  }

  @Test
  void aBatch_isTakenOldestFirst() {
    List<AlertCommand> commands =
        prices.detector.onSnapshots(
            List.of(house(2, 2.40), house(0, 2.00), house(1, 2.16)), prices.settings);

    assertThat(commands)
        .extracting(c -> Prices.trigger(c).severity())
        .containsExactly(Severity.MEDIUM, Severity.CRITICAL);
  }

  @Test
  void aCompetitorsMove_isNoPriceChange() {
    prices.take(price("sportybet", "sb-1", "Home", null, 2.00, 0));

    assertThat(prices.take(price("sportybet", "sb-1", "Home", null, 2.50, 1))).isEmpty();
  }

  @Test
  void alertsDisabled_sendNothing_butTheWindowKeepsCounting() {
    prices.settings = new OddsSettings(false, 7, 10, 15, 7, 60, HOUSE);
    assertThat(prices.housePath(2.00, 2.50)).isEmpty();

    prices.settings = OddsSettings.defaults(HOUSE);
    assertThat(prices.take(house(2, 2.50)))
        .singleElement()
        .satisfies(c -> assertThat(Prices.trigger(c).changePercent()).isEqualTo(25.0));
  }

  @Test
  void linesAndOutcomes_areSeparateSeries() {
    prices.take(price(HOUSE, "bp-ou", "Over", 2.5, 2.00, 0));
    prices.take(price(HOUSE, "bp-ou", "Over", 3.5, 3.00, 0));

    assertThat(prices.take(price(HOUSE, "bp-ou", "Over", 3.5, 3.30, 1)))
        .singleElement()
        .satisfies(
            c ->
                assertThat(Prices.trigger(c).fingerprint())
                    .isEqualTo("odds|event/e1|price_change/ou/3.5/Over"));
  }
}
