package io.klaxon.bench.inprocess;

import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The writer's cost of a re-trigger, in-process, without HTTP: the engine on {@link JdbcAlertStore}
 * over SQLite as the server opens it (WAL, {@code synchronous=FULL} unless told otherwise) holds
 * {@code --alerts} open alerts; batches of random re-triggers are applied and the CPU time of the
 * engine's writer threads ({@code klaxon-alert-writer*}, from {@link ThreadMXBean}) is divided by
 * the re-triggers. On a shared machine this is steadier than a rate: CPU time is not stretched by
 * other processes the way wall time is.
 */
@Command(
    name = "writer",
    mixinStandardHelpOptions = true,
    description = "Measure the alert writer's CPU per re-trigger on SQLite, in-process (no HTTP).")
public final class WriterCommand implements Callable<Integer> {

  @Option(
      names = "--alerts",
      defaultValue = "100000",
      description = "open alerts re-triggered at random (default ${DEFAULT-VALUE})")
  int alerts;

  @Option(
      names = "--retriggers",
      defaultValue = "200000",
      description = "re-triggers measured (default ${DEFAULT-VALUE})")
  int retriggers;

  @Option(
      names = "--batch",
      defaultValue = "800",
      description = "re-triggers per engine call (default ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--synchronous",
      defaultValue = "FULL",
      description =
          "SQLite's synchronous pragma; FULL as the server runs (default ${DEFAULT-VALUE})")
  String synchronous;

  @Option(
      names = "--pure",
      description =
          "re-sends keep the receivedAt of their first receipt, as the server's Alertmanager intake"
              + " does: every re-trigger moves only counts and goes to the partition's log"
              + " (default: receivedAt moves with each batch, so each re-trigger rewrites its row)")
  boolean pure;

  @Option(names = "--dir", description = "scratch directory (default: a new temporary one)")
  @Nullable Path dir;

  @Override
  public Integer call() throws Exception {
    if (alerts < 1 || retriggers < 1 || batch < 1) {
      System.err.println("writer: --alerts, --retriggers and --batch must be at least 1");
      return 2;
    }
    Path scratch =
        dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("klaxon-writer-");
    SQLiteDataSource sqlite = new SQLiteDataSource();
    sqlite.setUrl(Dialect.sqliteUrl(scratch.resolve("writer.db")) + "&synchronous=" + synchronous);
    JdbcAlertStore store = JdbcAlertStore.open(sqlite);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (AlertEngine engine = AlertEngine.start(store, InstantSource.system())) {
      Instant first = Instant.now();
      for (int from = 0; from < alerts; from += 1_000) {
        List<AlertCommand> opening = new ArrayList<>(1_000);
        Instant now = pure ? first : Instant.now();
        for (int n = from; n < Math.min(alerts, from + 1_000); n++) {
          opening.add(AlertmanagerShape.trigger(n, now));
        }
        engine.apply(opening);
        if (from % 20_000 == 0) {
          System.err.printf("writer: opening %,d of %,d alerts%n", from, alerts);
        }
      }
      SplittableRandom random = new SplittableRandom(22);
      long writerBefore = writerCpu(threads);
      long processBefore = processCpu();
      long began = System.nanoTime();
      long nextReport = began + 5_000_000_000L;
      int done = 0;
      while (done < retriggers) {
        int size = Math.min(batch, retriggers - done);
        List<AlertCommand> request = new ArrayList<>(size);
        Instant now = pure ? first : Instant.now();
        for (int i = 0; i < size; i++) {
          request.add(AlertmanagerShape.trigger(random.nextInt(alerts), now));
        }
        engine.apply(request);
        done += size;
        if (System.nanoTime() > nextReport) {
          System.err.printf("writer: %,d of %,d re-triggers%n", done, retriggers);
          nextReport += 5_000_000_000L;
        }
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      double writerMicros = (writerCpu(threads) - writerBefore) / 1e3 / done;
      double processMicros = (processCpu() - processBefore) / 1e3 / done;
      System.out.printf(
          "writer: %,d re-triggers of %,d open alerts in batches of %,d, SQLite"
              + " synchronous=%s%s: %.1f µs of writer CPU per re-trigger (a ceiling of %,.0f/s"
              + " per core), %.1f µs of process CPU; %,.0f re-triggers/s of wall time%n",
          done,
          alerts,
          batch,
          synchronous,
          pure ? ", pure (counts only)" : "",
          writerMicros,
          1e6 / writerMicros,
          processMicros,
          done / seconds);
    }
    return 0;
  }

  /** CPU nanoseconds of the engine's writer threads so far. */
  private static long writerCpu(ThreadMXBean threads) {
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith("klaxon-alert-writer")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
