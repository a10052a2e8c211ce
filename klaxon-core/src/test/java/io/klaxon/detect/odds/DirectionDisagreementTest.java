package io.klaxon.detect.odds;

import static io.klaxon.detect.odds.Prices.house;
import static io.klaxon.detect.odds.Prices.price;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code direction_disagreement} on the 1X2 market, outcome 1: every bookmaker opens at 2.00 at
 * 12:00; at 12:10 the competitors move, at 12:20 the house does.
 */
class DirectionDisagreementTest {

  static final String FINGERPRINT = "odds|event/e1|direction_disagreement/1x2/-/1";

  private final Prices prices = new Prices();

  private void open() {
    prices.take(house(0, 2.00));
    prices.take(price("sportybet", "sb-1", "Home", null, 2.00, 0));
    prices.take(price("bet9ja", "b9-1", "1", null, 2.00, 0));
    prices.take(price("msport", "ms-1", "1", null, 2.00, 0));
  }

  private void competitors(double sportybet, double bet9ja, double msport) {
    prices.take(price("sportybet", "sb-1", "Home", null, sportybet, 10));
    prices.take(price("bet9ja", "b9-1", "1", null, bet9ja, 10));
    prices.take(price("msport", "ms-1", "1", null, msport, 10));
  }

  private AlertCommand.@Nullable Trigger disagreement(List<AlertCommand> commands) {
    return commands.stream()
        .map(Prices::trigger)
        .filter(t -> t.type().equals("direction_disagreement"))
        .findFirst()
        .orElse(null);
  }

  @ParameterizedTest(name = "house → {0}, competitors {1} {2} {3}: {4}")
  @CsvSource(
      nullValues = "none",
      textBlock =
          """
          # house, sportybet, bet9ja, msport, expected competitorDirection, severity
          1.80, 2.10, 2.05, 2.00, 2 of 3 competitors drifted,    HIGH
          1.80, 2.10, 2.10, 2.10, 3 of 3 competitors drifted,    HIGH
          1.70, 2.00, 2.00, 2.02, 1 of 3 competitors drifted,    CRITICAL
          2.20, 1.90, 2.00, 2.00, 1 of 3 competitors shortened,  HIGH
          2.14, 1.90, 1.95, 2.00, 2 of 3 competitors shortened,  MEDIUM
          1.80, 2.10, 1.95, 2.00, none,                          none
          1.80, 1.90, 1.95, 1.98, none,                          none
          1.80, 2.00, 2.00, 2.00, none,                          none
          1.87, 2.10, 2.10, 2.10, none,                          none
          """)
  void houseAgainstTheCompetitorsThatMoved(
      double house,
      double sportybet,
      double bet9ja,
      double msport,
      @Nullable String direction,
      @Nullable Severity severity) {
    open();
    competitors(sportybet, bet9ja, msport);

    AlertCommand.Trigger trigger = disagreement(prices.take(house(20, house)));

    if (direction == null) {
      assertThat(trigger).isNull();
      return;
    }
    assertThat(trigger).isNotNull();
    assertThat(trigger.fingerprint()).isEqualTo(FINGERPRINT);
    assertThat(trigger.severity()).isEqualTo(severity);
    assertThat(trigger.attributes()).containsEntry("competitorDirection", direction);
    assertThat(trigger.value()).isEqualTo(house);
    assertThat(trigger.attributes()).containsEntry("previousOdds", 2.00);
  }

  @Test
  void theHousePriceChangeComesFirst_thenTheDisagreement() {
    open();
    competitors(2.10, 2.10, 2.10);

    assertThat(prices.take(house(20, 1.80)))
        .extracting(c -> Prices.trigger(c).type())
        .containsExactly("price_change", "direction_disagreement");
  }

  @Test
  void competitorsMovingAfterTheHouse_raiseItOnTheirSnapshot() {
    open();
    prices.take(house(5, 1.80));

    assertThat(prices.take(price("sportybet", "sb-1", "Home", null, 2.10, 10)))
        .singleElement()
        .satisfies(
            c ->
                assertThat(Prices.trigger(c).attributes())
                    .containsEntry("competitorDirection", "1 of 3 competitors drifted"));
    // The same again says nothing new; a second competitor drifting updates the same alert.
    assertThat(prices.take(price("sportybet", "sb-1", "Home", null, 2.10, 11))).isEmpty();
    assertThat(prices.take(price("bet9ja", "b9-1", "1", null, 2.10, 12)))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(Prices.trigger(c).fingerprint()).isEqualTo(FINGERPRINT);
              assertThat(Prices.trigger(c).attributes())
                  .containsEntry("competitorDirection", "2 of 3 competitors drifted");
            });
  }

  @Test
  void noCompetitor_noDisagreement() {
    prices.take(house(0, 2.00));

    assertThat(prices.take(house(20, 1.50)))
        .extracting(c -> Prices.trigger(c).type())
        .containsExactly("price_change");
  }

  @Test
  void competitorMovesOutsideTheWindow_doNotCount() {
    open();
    competitors(2.10, 2.10, 2.10);

    // At 13:15 the window starts at 12:15: the competitors' last prices (12:10) are out of it,
    // so they count neither way, though the house's -10 % still is a price change.
    prices.take(house(70, 2.00));
    List<AlertCommand> commands = prices.take(house(75, 1.80));

    assertThat(commands).extracting(c -> Prices.trigger(c).type()).containsExactly("price_change");
    assertThat(disagreement(commands)).isNull();
  }
}
