package io.klaxon.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.delta.kernel.Operation;
import io.delta.kernel.Table;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.utils.CloseableIterable;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.embed.AlertManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: single-alert commits must not fill the disk with log files and checkpoints. The log
 * keeps two checkpoints and the commits after the older one; the store still opens with all.
 */
class BoundedDeltaLogTest {

  private static final int COMMITS = 350;

  @TempDir Path dir;

  @Test
  void singleAlertCommits_leaveTwoCheckpointsAndTheCommitsAfterTheOlder_andLoseNothing()
      throws IOException {
    Path lake = dir.resolve("lake");
    LogRetention keepTwo = new LogRetention(2, Duration.ZERO);
    try (AlertManager alerts =
        AlertManager.open(
            DeltaAlertStore.open(
                lake, InstantSource.system(), DeltaAlertStore.Reads.CACHED, keepTwo),
            InstantSource.system())) {
      for (int i = 0; i < COMMITS; i++) {
        alerts.createAlert(decision(i)).join().orElseThrow();
      }
    }

    List<Path> log = logFiles(lake);
    long commits = log.stream().filter(p -> p.toString().endsWith(".json")).count();
    long checkpoints = log.stream().filter(p -> p.toString().contains(".checkpoint.")).count();
    long bytes = 0;
    for (Path file : log) {
      bytes += Files.size(file);
    }
    System.out.printf(
        "_delta_log after %d commits: %d files, %d commit files, %d checkpoints, %d bytes%n",
        COMMITS, log.size(), commits, checkpoints, bytes);
    assertThat(checkpoints).isEqualTo(2);
    // The versions from the older kept checkpoint (200) on: about 150 of the 350.
    assertThat(commits)
        .isBetween((long) LogRetention.CHECKPOINT_INTERVAL, 2L * LogRetention.CHECKPOINT_INTERVAL);
    try (AlertManager reopened =
        AlertManager.open(DeltaAlertStore.open(lake), InstantSource.system())) {
      assertThat(reopened.count().join()).isEqualTo(COMMITS);
    }
  }

  @Test
  void filesYoungerThanTheMinimumAge_stay() throws IOException {
    Path lake = dir.resolve("young");
    try (AlertManager alerts =
        AlertManager.open(
            DeltaAlertStore.open(
                lake,
                InstantSource.system(),
                DeltaAlertStore.Reads.CACHED,
                new LogRetention(1, Duration.ofHours(1))),
            InstantSource.system())) {
      for (int i = 0; i < 120; i++) {
        alerts.createAlert(decision(i)).join().orElseThrow();
      }
    }

    assertThat(logFiles(lake)).anyMatch(p -> p.endsWith("00000000000000000001.json"));
  }

  @Test
  void aTableAnEarlierKlaxonCreated_getsTheCheckpointIntervalOnFirstOpen() {
    Path lake = dir.resolve("old");
    Engine engine = DefaultEngine.create(new LocalFileIO());
    Table table = Table.forPath(engine, LocalFileIO.qualified(lake));
    table
        .createTransactionBuilder(engine, "an earlier Klaxon", Operation.CREATE_TABLE)
        .withSchema(engine, StoreRows.SCHEMA)
        .withPartitionColumns(engine, StoreRows.PARTITIONS)
        .build(engine)
        .commit(engine, CloseableIterable.emptyIterable());
    assertThat(table.getLatestSnapshot(engine).getTableProperties())
        .doesNotContainKey(DeltaTable.CHECKPOINT_INTERVAL);

    DeltaAlertStore.open(lake);

    assertThat(table.getLatestSnapshot(engine).getTableProperties())
        .containsEntry(DeltaTable.CHECKPOINT_INTERVAL, "100");
  }

  private static List<Path> logFiles(Path lake) throws IOException {
    try (Stream<Path> files = Files.list(lake.resolve("_delta_log"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static Decision decision(int i) {
    return Decision.of(
        "d-" + i,
        "CLOSE",
        "HIGH",
        "take_profit",
        "SPY",
        "s" + i,
        "bounded log",
        Map.of(),
        Instant.now());
  }
}
