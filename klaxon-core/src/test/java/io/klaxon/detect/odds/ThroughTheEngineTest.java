package io.klaxon.detect.odds;

import static io.klaxon.detect.odds.Prices.HOUSE;
import static io.klaxon.detect.odds.Prices.KICKOFF;
import static io.klaxon.detect.odds.Prices.house;
import static io.klaxon.detect.odds.Prices.price;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.FakeClock;
import io.klaxon.store.InMemoryAlertStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The detector's commands, applied by the real engine: one alert per series, updated in place. */
class ThroughTheEngineTest {

  private final Prices prices = new Prices();
  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final AlertEngine engine = AlertEngine.start(store, new FakeClock(Prices.T0));

  @AfterEach
  void stop() {
    engine.close();
  }

  private List<CommandResult> apply(OddsSnapshot... snapshots) {
    List<CommandResult> results = new ArrayList<>();
    for (OddsSnapshot snapshot : snapshots) {
      results.addAll(engine.apply(prices.take(snapshot)));
    }
    assertThat(results).noneMatch(CommandResult::isRefused);
    return results;
  }

  @Test
  void escalationAndDeEscalation_updateOneAlert() {
    apply(house(0, 2.00), house(1, 2.15), house(2, 2.25), house(3, 2.32), house(4, 2.16));

    Alert alert = engine.active(PriceChangeTest.FINGERPRINT).orElseThrow();
    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.previousSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.occurrences()).isEqualTo(4);
    assertThat(alert.value()).isEqualTo(2.16);
    assertThat(alert.previousValue())
        .as("the seed's old_value: the window's start")
        .isEqualTo(2.00);
    assertThat(alert.changePercent()).isEqualTo(8.0);
    assertThat(alert.expiresAt()).isEqualTo(KICKOFF);
    assertThat(alert.subject()).isNotNull();
    assertThat(alert.subject().startsAt()).isEqualTo(KICKOFF);
    assertThat(engine.activeCount()).isOne();
  }

  @Test
  void priceChange_carriesTheSeedsOldValueAsPreviousValue_atOpenAndAtEveryUpdate() {
    apply(house(0, 2.00), house(1, 2.10));

    Alert opened = apply(house(2, 2.40)).getFirst().alertOrThrow();
    assertThat(opened.value()).isEqualTo(2.40);
    assertThat(opened.previousValue()).isEqualTo(2.00);

    // an hour on, the window starts at minute 2's 2.40, and then at minute 62's 2.16
    Alert updated = apply(house(62, 2.16)).getFirst().alertOrThrow();
    assertThat(updated.id()).isEqualTo(opened.id());
    assertThat(updated.value()).isEqualTo(2.16);
    assertThat(updated.previousValue()).isEqualTo(2.40);
    Alert again = apply(house(63, 2.70)).getFirst().alertOrThrow();
    assertThat(again.id()).isEqualTo(opened.id());
    assertThat(again.value()).isEqualTo(2.70);
    assertThat(again.previousValue()).isEqualTo(2.16);
  }

  @Test
  void availability_opensAndIsResolvedAutomatically() {
    apply(house(0, 2.00));
    Alert opened =
        apply(price("sportybet", "sb-ou", "Over", 2.5, 1.90, 1)).getFirst().alertOrThrow();
    assertThat(opened.status()).isEqualTo(AlertStatus.OPEN);

    apply(price(HOUSE, "bp-ou", "Over", 2.5, 1.85, 2));

    Alert resolved = store.findById(opened.id()).orElseThrow();
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.autoResolved()).isTrue();
    assertThat(engine.activeCount()).isZero();
  }
}
