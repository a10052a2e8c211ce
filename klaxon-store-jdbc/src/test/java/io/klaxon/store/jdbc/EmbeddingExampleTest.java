package io.klaxon.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.embed.AlertManager;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/EMBEDDING.md, run as written on SQLite and PostgreSQL. */
class EmbeddingExampleTest {

  @TempDir Path dir;

  @Test
  void theEmbeddingExampleWorksOnSqlite() {
    try (TestDatabase database = TestDatabase.sqlite(dir)) {
      runExample(database);
    }
  }

  @Test
  void theEmbeddingExampleWorksOnPostgres() {
    try (TestDatabase database = TestDatabase.postgres()) {
      runExample(database);
    }
  }

  private void runExample(TestDatabase database) {
    List<Alert> changes = new CopyOnWriteArrayList<>();
    long id;
    try (AlertManager alerts =
        AlertManager.open(JdbcAlertStore.open(database.dataSource()), InstantSource.system())) {
      alerts.addListener(changes::add);

      Decision close =
          Decision.of(
              null,
              "CLOSE",
              "IMMEDIATE",
              "take_profit",
              "SPY",
              "IC",
              "75% of max profit reached",
              Map.of("pnl", 412.5),
              Instant.now());
      Decision hold =
          Decision.of(null, "HOLD", "LOW", "theta", "SPY", "IC", "wait", Map.of(), Instant.now());
      id = alerts.createAlert(close).join().orElseThrow().id();
      assertThat(alerts.createAlert(hold).join()).isEmpty();

      assertThat(alerts.acknowledge(id).join().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
      assertThat(alerts.activeAlerts().join()).extracting(Alert::id).containsExactly(id);
      var spy = alerts.query(AlertQuery.all().withAttributes(Map.of("symbol", "SPY"))).join();
      assertThat(spy.alerts()).extracting(Alert::id).containsExactly(id);
      assertThat(spy.alerts().getFirst().attributes()).containsEntry("class", "critical");
      assertThat(alerts.count(AlertStatus.ACKNOWLEDGED).join()).isEqualTo(1);
      assertThat(alerts.resolve(id).join().status()).isEqualTo(AlertStatus.RESOLVED);
      assertThatThrownBy(() -> alerts.acknowledge(id).join())
          .isInstanceOf(CompletionException.class)
          .hasCauseInstanceOf(TransitionRefused.class);
    }
    assertThat(changes)
        .extracting(Alert::status)
        .containsExactly(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.RESOLVED);

    try (AlertManager reopened =
        AlertManager.open(JdbcAlertStore.open(database.dataSource()), InstantSource.system())) {
      Alert stored = reopened.findAlert(id).join().orElseThrow();
      assertThat(stored.status()).isEqualTo(AlertStatus.RESOLVED);
      assertThat(stored.attributes().get("metadata")).isEqualTo(Map.of("pnl", 412.5));
    }
  }
}
