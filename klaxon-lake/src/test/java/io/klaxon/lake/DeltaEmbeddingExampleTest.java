package io.klaxon.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.embed.AlertManager;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Delta Lake example of docs/EMBEDDING.md, run as written (in a temporary directory). */
class DeltaEmbeddingExampleTest {

  @TempDir Path dir;

  @Test
  void theDeltaEmbeddingExampleWorksAcrossTwoRuns() {
    Path lake = dir.resolve("alerts-lake");
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
    long id;
    try (AlertManager alerts =
        AlertManager.open(DeltaAlertStore.open(lake), InstantSource.system())) {
      id = alerts.createAlert(close).join().orElseThrow().id();
      alerts.acknowledge(id).join();
    }
    try (AlertManager alerts =
        AlertManager.open(DeltaAlertStore.open(lake), InstantSource.system())) {
      var spy = alerts.query(AlertQuery.all().withAttributes(Map.of("symbol", "SPY"))).join();
      assertThat(spy.alerts()).extracting(Alert::id).containsExactly(id);
      assertThat(spy.alerts().getFirst().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
      assertThat(spy.alerts().getFirst().attributes())
          .containsEntry("metadata", Map.of("pnl", 412.5));
    }
  }
}
