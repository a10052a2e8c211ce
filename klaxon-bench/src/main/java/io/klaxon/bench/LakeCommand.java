package io.klaxon.bench;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.lake.AlertChangeTable;
import io.klaxon.lake.Compaction;
import io.klaxon.lake.DeltaAlertStore;
import io.klaxon.store.AlertChange;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sqlite.SQLiteDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Delta Lake paths, in-process: the lake sink's copy of the change feed (rows/s, feed read from
 * SQLite included), compaction of what it wrote, and the Delta store's commit rate under the
 * engine.
 */
@Command(
    name = "lake",
    mixinStandardHelpOptions = true,
    description = "Measure the lake sink's rows/s and the Delta alert store's commits/s.")
public final class LakeCommand implements Callable<Integer> {

  @Option(
      names = "--changes",
      defaultValue = "200000",
      description = "changes the sink copies (default ${DEFAULT-VALUE})")
  int changes;

  @Option(
      names = "--batch",
      defaultValue = "5000",
      description = "changes per sink commit, as klaxon.lake.batch-size (default ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--store-commits",
      defaultValue = "500",
      description = "engine commits on the Delta store (default ${DEFAULT-VALUE})")
  int storeCommits;

  @Option(
      names = "--store-batch",
      defaultValue = "1",
      description = "new alerts per engine commit on the Delta store (default ${DEFAULT-VALUE})")
  int storeBatch;

  @Option(names = "--dir", description = "scratch directory (default: a new temporary one)")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Path scratch =
        dir != null
            ? Files.createDirectories(dir)
            : Files.createTempDirectory("klaxon-lake-bench-");
    sink(scratch);
    store(scratch.resolve("store"));
    return 0;
  }

  private void sink(Path scratch) {
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl(Dialect.sqliteUrl(scratch.resolve("feed.db")));
    JdbcAlertStore feed = JdbcAlertStore.open(sqlite);
    try (AlertEngine engine = AlertEngine.start(feed, InstantSource.system())) {
      List<AlertCommand> commands = new ArrayList<>();
      for (int i = 0; i < changes; i++) {
        commands.add(trigger("fp-" + (i % Math.max(1, changes / 2))));
        if (commands.size() == 10_000) {
          engine.apply(commands);
          commands.clear();
        }
      }
      engine.apply(commands);
    }
    AlertChangeTable table = AlertChangeTable.open(scratch.resolve("changes"));
    long started = System.nanoTime();
    long position = table.lastPosition();
    long rows = 0;
    int commits = 0;
    long reading = 0;
    while (true) {
      long read = System.nanoTime();
      List<AlertChange> next = feed.changesAfter(position, batch);
      reading += System.nanoTime() - read;
      if (next.isEmpty()) {
        break;
      }
      table.append(next);
      position = next.getLast().position();
      rows += next.size();
      commits++;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        "sink: %,d rows in %d commits of up to %,d in %.1f s = %,.0f rows/s (%d files);"
            + " feed reads %.1f s, Delta appends %.1f s = %,.0f rows/s%n",
        rows,
        commits,
        batch,
        seconds,
        rows / seconds,
        table.fileCount(),
        reading / 1e9,
        seconds - reading / 1e9,
        rows / (seconds - reading / 1e9));
    Compaction compaction = table.compact();
    System.out.printf(
        "compact: %d files -> %d, %,d rows in %.1f s%n",
        compaction.filesBefore(),
        compaction.filesAfter(),
        compaction.rows(),
        compaction.took().toMillis() / 1000.0);
  }

  private void store(Path directory) {
    DeltaAlertStore store = DeltaAlertStore.open(directory);
    try (AlertEngine engine = AlertEngine.start(store, InstantSource.system())) {
      long started = System.nanoTime();
      int alerts = 0;
      for (int c = 0; c < storeCommits; c++) {
        List<AlertCommand> commands = new ArrayList<>();
        for (int i = 0; i < storeBatch; i++) {
          commands.add(trigger("store-" + alerts++));
        }
        engine.apply(commands);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          "delta store: %d commits of %d new alerts in %.1f s = %.1f commits/s, %,.0f alerts/s (%d"
              + " files)%n",
          storeCommits,
          storeBatch,
          seconds,
          storeCommits / seconds,
          alerts / seconds,
          store.fileCount());
    }
    long logBytes;
    long logFiles;
    try (var files = Files.list(directory.resolve("_delta_log"))) {
      List<Path> log = files.filter(Files::isRegularFile).toList();
      logFiles = log.size();
      logBytes = 0;
      for (Path file : log) {
        logBytes += Files.size(file);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    System.out.printf(
        "delta store log: %d files, %.1f MB in _delta_log%n", logFiles, logBytes / 1e6);
    long opened = System.nanoTime();
    DeltaAlertStore reopened = DeltaAlertStore.open(directory);
    System.out.printf(
        "delta store reopened (state rebuilt from the table) in %.1f s, %d active alerts%n",
        (System.nanoTime() - opened) / 1e9, reopened.loadActive().size());
  }

  private static AlertCommand.Trigger trigger(String fingerprint) {
    return new AlertCommand.Trigger(
        fingerprint,
        "bench",
        "take_profit",
        Severity.HIGH,
        "Take Profit triggered on SPY IC",
        "75% of max profit reached",
        Subject.of("strategy", "IC", "SPY IC"),
        null,
        null,
        null,
        Map.of("symbol", "SPY", "strategyId", "IC", "metadata", Map.of("pnl", 412.5)),
        null,
        null,
        Actor.of("bench"));
  }
}
