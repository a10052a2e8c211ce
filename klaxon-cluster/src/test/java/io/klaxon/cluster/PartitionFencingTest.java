package io.klaxon.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.EngineMetrics;
import io.klaxon.engine.EngineSettings;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.cluster.Fenced;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An owner that lost its partition to a later epoch can no longer commit anything to it. */
class PartitionFencingTest {

  private static TestDatabase database;
  private static JdbcAlertStore store;
  private static JdbcPartitionLedger ledger;

  @BeforeAll
  static void open() {
    database = TestDatabase.postgres();
    store = JdbcAlertStore.open(database.dataSource(), Schema.SERVER, 2);
    ledger = JdbcPartitionLedger.open(database.dataSource(), 2);
  }

  @AfterAll
  static void close() {
    database.close();
  }

  @Test
  void anOwnerFencedByALaterEpochCommitsNothing() {
    String fingerprint = "fenced-" + System.nanoTime();
    int partition = store.partitioning().of(fingerprint);
    long stale = ledger.claim(partition, "old").epoch();
    PartitionStore view = new PartitionStore(store, partition, stale);
    try (AlertEngine engine =
        AlertEngine.start(
            view,
            InstantSource.system(),
            new EngineSettings(100, 100, Duration.ZERO, Duration.ZERO, Duration.ZERO),
            EngineMetrics.NONE)) {
      view.nextOffset(5);
      engine.apply(AlertCommand.Trigger.of(fingerprint, "t", "disk", Severity.LOW, "first"));
      ledger.claim(partition, "new"); // another instance takes the partition over

      view.nextOffset(6);
      assertThatThrownBy(
              () ->
                  engine
                      .submit(
                          List.of(
                              AlertCommand.Trigger.of(
                                  fingerprint, "t", "disk", Severity.LOW, "second")))
                      .join())
          .isInstanceOf(CompletionException.class)
          .hasRootCauseInstanceOf(Fenced.class);
    }
    Alert stored =
        store.loadActive().stream()
            .filter(a -> a.fingerprint().equals(fingerprint))
            .findFirst()
            .orElseThrow();
    assertThat(stored.occurrences()).isEqualTo(1);
    assertThat(ledger.claim(partition, "next").nextOffset()).isEqualTo(5);
    assertThatThrownBy(() -> ledger.advance(partition, stale, 9)).isInstanceOf(Fenced.class);
  }
}
