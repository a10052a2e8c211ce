package io.klaxon.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.embed.AlertManager;
import io.klaxon.engine.FakeClock;
import io.klaxon.store.AlertChange;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change table written from a real change feed (the JDBC store on SQLite), read back with
 * DuckDB's Parquet reader over the Delta log as {@link DeltaLogReader} replays it: not Kernel.
 */
class AlertChangeTableTest {

  @TempDir Path dir;

  private final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T23:59:00Z"));
  private TestDatabase database;
  private JdbcAlertStore store;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.sqlite(dir);
    store = JdbcAlertStore.open(database.dataSource());
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  @Test
  void changesAppendedInBatches_areReadBackByAnotherReader_withTheirPositionInTheLog() {
    long spy = alertsChangedOverMidnight();
    List<AlertChange> changes = store.changesAfter(0, 100);
    assertThat(changes).hasSize(4);
    Path lake = dir.resolve("lake");

    AlertChangeTable table = AlertChangeTable.open(lake);
    table.append(changes.subList(0, 2));
    table.append(changes.subList(2, 4));

    DeltaLogReader reader = new DeltaLogReader(lake);
    assertThat(reader.transactionVersion(AlertChangeTable.WRITER_ID))
        .contains(changes.getLast().position());
    List<Map<String, Object>> rows = reader.rows();
    assertThat(rows)
        .extracting(r -> r.get("position"))
        .containsExactlyInAnyOrderElementsOf(changes.stream().map(AlertChange::position).toList());
    Map<String, Object> acknowledged =
        rows.stream()
            .filter(r -> r.get("alert_id").equals(spy) && r.get("version").equals(2L))
            .findFirst()
            .orElseThrow();
    assertThat(acknowledged)
        .containsEntry("action", "acknowledged")
        .containsEntry("status", "acknowledged")
        .containsEntry("from_status", "open")
        .containsEntry("severity", "critical")
        .containsEntry("type", "take_profit")
        .containsEntry("rule", "take_profit")
        .containsEntry("symbol", "SPY")
        .containsEntry("strategy_id", "IC")
        .containsEntry("subject_type", "strategy")
        .containsEntry("title", "Take Profit triggered on SPY IC")
        .containsEntry("message", "75% of max profit reached")
        .containsEntry("acknowledged_by", AlertManager.ACTOR)
        // The change's day is the partition: acknowledged after midnight, created before it.
        .containsEntry(AlertChangeTable.PARTITION, "2026-03-02");
    assertThat(((OffsetDateTime) acknowledged.get("changed_at")).toInstant())
        .isEqualTo(Instant.parse("2026-03-02T00:01:00Z"));
    assertThat((String) acknowledged.get("attributes")).contains("\"metadata\":{\"pnl\":412.5}");
    assertThat(rows)
        .filteredOn(r -> r.get("version").equals(1L))
        .extracting(r -> r.get(AlertChangeTable.PARTITION))
        .containsOnly("2026-03-01");
    assertThat(reader.liveFiles().values())
        .extracting(p -> LocalDate.parse(p.get(AlertChangeTable.PARTITION)))
        .containsOnly(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-02"));
  }

  @Test
  void lastPosition_isCommittedWithTheRows_andSurvivesReopening() {
    alertsChangedOverMidnight();
    List<AlertChange> changes = store.changesAfter(0, 100);
    Path lake = dir.resolve("lake");
    AlertChangeTable table = AlertChangeTable.open(lake);
    assertThat(table.lastPosition()).isZero();

    table.append(changes.subList(0, 3));

    assertThat(AlertChangeTable.open(lake).lastPosition()).isEqualTo(changes.get(2).position());
  }

  @Test
  void compact_mergesEachDaysFiles_andKeepsEveryRowAndThePosition() {
    alertsChangedOverMidnight();
    List<AlertChange> changes = store.changesAfter(0, 100);
    AlertChangeTable table = AlertChangeTable.open(dir.resolve("lake"));
    for (AlertChange change : changes) {
      table.append(List.of(change));
    }
    assertThat(table.fileCount()).isEqualTo(4);

    Compaction compaction = table.compact();

    assertThat(compaction.filesBefore()).isEqualTo(4);
    assertThat(compaction.filesAfter()).isEqualTo(2); // one per day
    assertThat(table.fileCount()).isEqualTo(2);
    DeltaLogReader reader = new DeltaLogReader(dir.resolve("lake"));
    assertThat(reader.liveFiles()).hasSize(2);
    assertThat(reader.rows())
        .extracting(r -> r.get("position"))
        .containsExactlyInAnyOrderElementsOf(changes.stream().map(AlertChange::position).toList());
    assertThat(table.lastPosition()).isEqualTo(changes.getLast().position());
    assertThat(table.compact().filesAfter()).isEqualTo(2); // nothing left to merge
  }

  @Test
  void changesOutOfFeedOrder_areRefused() {
    alertsChangedOverMidnight();
    List<AlertChange> changes = store.changesAfter(0, 100);
    AlertChangeTable table = AlertChangeTable.open(dir.resolve("lake"));

    assertThatThrownBy(() -> table.append(List.of(changes.get(1), changes.get(0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTableOfAnotherSchema_isRefused() {
    DeltaTable.open(dir.resolve("other"), StoreRows.SCHEMA, StoreRows.PARTITIONS);

    assertThatThrownBy(() -> AlertChangeTable.open(dir.resolve("other")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another schema");
  }

  /** Creates a CLOSE alert before midnight and acknowledges it after; a ROLL, resolved. */
  private long alertsChangedOverMidnight() {
    try (AlertManager alerts = AlertManager.open(store, clock)) {
      Alert spy =
          alerts
              .createAlert(
                  Decision.of(
                      null,
                      "CLOSE",
                      "IMMEDIATE",
                      "take_profit",
                      "SPY",
                      "IC",
                      "75% of max profit reached",
                      Map.of("pnl", 412.5),
                      clock.instant()))
              .join()
              .orElseThrow();
      Alert qqq =
          alerts
              .createAlert(
                  Decision.of(
                      null,
                      "ROLL",
                      "NORMAL",
                      "dte_roll",
                      "QQQ",
                      "7",
                      "21 days left",
                      Map.of(),
                      clock.instant()))
              .join()
              .orElseThrow();
      clock.advance(Duration.ofMinutes(2));
      alerts.acknowledge(spy.id()).join();
      alerts.resolve(qqq.id()).join();
      return spy.id();
    }
  }
}
