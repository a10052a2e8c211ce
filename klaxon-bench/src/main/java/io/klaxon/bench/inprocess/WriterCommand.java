package io.klaxon.bench.inprocess;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.EngineMetrics;
import io.klaxon.engine.EngineSettings;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The writer's cost of a re-trigger or of a new alert, in-process, without HTTP: the engine on
 * {@link JdbcAlertStore} over SQLite as the server opens it (WAL, {@code synchronous=FULL} unless
 * told otherwise) holds {@code --alerts} open alerts; batches of random re-triggers (or, with
 * {@code --new}, of label sets never seen before) are applied and the CPU time of the engine's
 * writer and committer threads ({@code klaxon-alert-writer*}, {@code klaxon-alert-committer*}, from
 * {@link ThreadMXBean}) is divided by the alerts posted. On a shared machine this is steadier than
 * a rate: CPU time is not stretched by other processes the way wall time is.
 */
@Command(
    name = "writer",
    mixinStandardHelpOptions = true,
    description =
        "Measure the alert writer's CPU per re-trigger (or per new alert) on SQLite, in-process"
            + " (no HTTP).")
public final class WriterCommand implements Callable<Integer> {

  /**
   * Where the label sets of {@code --new} start, far past the opened ones; they step by a prime as
   * the side-by-side's client does, so their fingerprints land all over the index.
   */
  private static final long NEW_LABEL_SETS = 1_000_000_000L;

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
      names = "--new",
      defaultValue = "0",
      description =
          "measure this many new alerts (label sets never seen, as the side-by-side's new-alert"
              + " run sends) instead of re-triggers (default ${DEFAULT-VALUE}: re-triggers)")
  int fresh;

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

  @Option(
      names = "--callers",
      defaultValue = "1",
      description =
          "callers submitting batches side by side (default ${DEFAULT-VALUE}); the side-by-side's"
              + " wrk -c8 with 100 alerts a request is --callers 8 --batch 100, whose commits"
              + " overlap on the writer and its committer as the server's do")
  int callers;

  @Option(
      names = "--pragmas",
      defaultValue = "",
      description =
          "more SQLite connection settings for the URL, e.g."
              + " wal_autocheckpoint=10000&cache_size=-16384 (default none: as the server)")
  String pragmas;

  @Option(names = "--dir", description = "scratch directory (default: a new temporary one)")
  @Nullable Path dir;

  @Override
  public Integer call() throws Exception {
    if (alerts < 1 || retriggers < 1 || batch < 1 || callers < 1 || fresh < 0) {
      System.err.println(
          "writer: --alerts, --retriggers, --batch and --callers must be at least 1, --new at"
              + " least 0");
      return 2;
    }
    boolean measureNew = fresh > 0;
    int measured = measureNew ? fresh : retriggers;
    String what = measureNew ? "new alert" : "re-trigger";
    Path scratch =
        dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("klaxon-writer-");
    // A pool, as the server has: a connection opened and closed per commit would cost a WAL
    // checkpoint at each close and start every commit with an empty page cache.
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(
        Dialect.sqliteUrl(scratch.resolve("writer.db"))
            + "&synchronous="
            + synchronous
            + (pragmas.isEmpty() ? "" : "&" + pragmas));
    pool.setMaximumPoolSize(10);
    pool.setPoolName("klaxon-bench-writer");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Commits commits = new Commits();
    try (HikariDataSource sqlite = new HikariDataSource(pool);
        AlertEngine engine =
            AlertEngine.start(
                JdbcAlertStore.open(sqlite),
                InstantSource.system(),
                EngineSettings.defaults(),
                commits)) {
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
      long writerBefore = writerCpu(threads);
      long processBefore = processCpu();
      commits.reset();
      long began = System.nanoTime();
      AtomicInteger taken = new AtomicInteger();
      AtomicLong nextReport = new AtomicLong(began + 5_000_000_000L);
      List<Future<?>> running = new ArrayList<>(callers);
      ExecutorService callerPool = Executors.newFixedThreadPool(callers);
      try {
        for (int c = 0; c < callers; c++) {
          SplittableRandom random = new SplittableRandom(22 + c);
          running.add(
              callerPool.submit(
                  () -> {
                    for (int from = taken.getAndAdd(batch);
                        from < measured;
                        from = taken.getAndAdd(batch)) {
                      int size = Math.min(batch, measured - from);
                      List<AlertCommand> request = new ArrayList<>(size);
                      Instant now = pure ? first : Instant.now();
                      for (int i = 0; i < size; i++) {
                        long n =
                            measureNew
                                ? NEW_LABEL_SETS + (from + i) * 7919L
                                : random.nextInt(alerts);
                        request.add(
                            pure
                                ? AlertmanagerShape.trigger(n, now)
                                : AlertmanagerShape.unmerged(n, now));
                      }
                      engine.apply(request);
                      long report = nextReport.get();
                      if (System.nanoTime() > report
                          && nextReport.compareAndSet(report, report + 5_000_000_000L)) {
                        System.err.printf("writer: %,d of %,d %ss%n", from + size, measured, what);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> caller : running) {
          caller.get();
        }
      } finally {
        callerPool.shutdownNow();
      }
      int done = measured;
      double seconds = (System.nanoTime() - began) / 1e9;
      double writerMicros = (writerCpu(threads) - writerBefore) / 1e3 / done;
      double processMicros = (processCpu() - processBefore) / 1e3 / done;
      System.out.printf(
          "writer: %,d %ss %s %,d open alerts in batches of %,d, SQLite"
              + " synchronous=%s%s: %.1f µs of writer CPU per %s (a ceiling of %,.0f/s"
              + " per core), %.1f µs of process CPU; %,.0f %ss/s of wall time; %,d callers,"
              + " %,d commits of %,.0f commands on average%n",
          done,
          what,
          measureNew ? "beside" : "of",
          alerts,
          batch,
          synchronous,
          pure ? ", pure (counts only)" : "",
          writerMicros,
          what,
          1e6 / writerMicros,
          processMicros,
          done / seconds,
          what,
          callers,
          commits.count.get(),
          commits.count.get() == 0 ? 0.0 : (double) commits.commands.get() / commits.count.get());
    }
    return 0;
  }

  /** Counts the engine's commits and the commands they held. */
  private static final class Commits implements EngineMetrics {
    final AtomicLong count = new AtomicLong();
    final AtomicLong commands = new AtomicLong();

    @Override
    public void committed(
        int requests, int commands, int alertsWritten, int historyWritten, long nanos) {
      count.incrementAndGet();
      this.commands.addAndGet(commands);
    }

    void reset() {
      count.set(0);
      commands.set(0);
    }
  }

  /** CPU nanoseconds of the engine's writer threads so far. */
  private static long writerCpu(ThreadMXBean threads) {
    long total = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && writes(info.getThreadName())) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }

  /** The engine's writer threads and, since the writer hands each commit over, its committers. */
  private static boolean writes(String thread) {
    return thread.startsWith("klaxon-alert-writer") || thread.startsWith("klaxon-alert-committer");
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
