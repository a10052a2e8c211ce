package io.klaxon.server.odds;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PricePathTest {

  static final Instant OPENED = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void thePathRunsFromThePriceBeforeTheMoveThroughEveryLaterValue() {
    Alert alert =
        new Alert(
            7,
            "fp",
            "odds",
            "price_change",
            Severity.CRITICAL,
            AlertStatus.OPEN,
            "Home drifted",
            null,
            Subject.of("event", "ev-1", "A v B"),
            2.40,
            2.10,
            null,
            null,
            Map.of("previousOdds", 1.80, "outcome", "home"),
            3,
            OPENED,
            OPENED.plusSeconds(600),
            null,
            null,
            null,
            null,
            null,
            false,
            Severity.HIGH,
            3,
            List.of());
    List<HistoryEntry> history =
        List.of(
            entry(1, OPENED, HistoryAction.CREATED, List.of()),
            entry(
                2,
                OPENED.plusSeconds(300),
                HistoryAction.RETRIGGERED,
                List.of(new HistoryEntry.FieldChange("value", "1.95", "2.1"))),
            entry(
                3,
                OPENED.plusSeconds(600),
                HistoryAction.RETRIGGERED,
                List.of(
                    new HistoryEntry.FieldChange("severity", "high", "critical"),
                    new HistoryEntry.FieldChange("value", "2.1", "2.4"))));

    var path = RiskConsoleController.pricePath(alert, history, OPENED.plusSeconds(900));

    assertThat(path)
        .extracting(RiskConsoleController.PricePoint::price)
        .containsExactly(1.80, 1.95, 2.1, 2.4);
    assertThat(path.get(1).at().iso()).isEqualTo(OPENED.toString());
    assertThat(path.get(3).at().iso()).isEqualTo(OPENED.plusSeconds(600).toString());
  }

  static HistoryEntry entry(
      long version, Instant at, HistoryAction action, List<HistoryEntry.FieldChange> changes) {
    return new HistoryEntry(
        7, version, at, "odds", action, AlertStatus.OPEN, AlertStatus.OPEN, changes, null);
  }
}
