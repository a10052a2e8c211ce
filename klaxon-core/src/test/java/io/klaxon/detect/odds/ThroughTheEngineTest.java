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
    assertThat(alert.previousValue()).isEqualTo(2.32);
    assertThat(alert.changePercent()).isEqualTo(8.0);
    assertThat(alert.expiresAt()).isEqualTo(KICKOFF);
    assertThat(alert.subject()).isNotNull();
    assertThat(alert.subject().startsAt()).isEqualTo(KICKOFF);
    assertThat(engine.activeCount()).isOne();
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
