package io.klaxon.bench;

import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.detect.hosts.MetricSample;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.hosts.JdbcHostStore;
import io.klaxon.store.jdbc.hosts.JdbcMetricHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.sqlite.SQLiteDataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Host ingest in-process on SQLite (issue 18): metric samples through the host monitor (its rules,
 * alert states and the engine) and, unless {@code --no-keep}, into the metric history, one batch
 * per request as {@code POST /api/signals/metrics} does. No HTTP: the number is what the database
 * path allows, against the 50,000 samples/s the history must not push ingest below.
 */
@Command(
    name = "hosts",
    mixinStandardHelpOptions = true,
    description = "Measure host metric ingest (samples/s) on SQLite, with the metric history kept.")
public final class HostsCommand implements Callable<Integer> {

  @Option(
      names = "--samples",
      defaultValue = "500000",
      description = "samples to take (default ${DEFAULT-VALUE})")
  int samples;

  @Option(
      names = "--servers",
      defaultValue = "200",
      description = "servers they come from (default ${DEFAULT-VALUE})")
  int servers;

  @Option(
      names = "--batch",
      defaultValue = "1000",
      description = "samples per request (default ${DEFAULT-VALUE})")
  int batch;

  @Option(
      names = "--synchronous",
      defaultValue = "FULL",
      description =
          "SQLite's synchronous pragma; FULL as the server runs (default ${DEFAULT-VALUE})")
  String synchronous;

  @Option(
      names = "--cache-mib",
      defaultValue = "0",
      description = "SQLite page cache per connection in MiB; 0 keeps SQLite's default (2 MiB)")
  int cacheMib;

  @Option(names = "--no-keep", description = "do not keep the history: the baseline")
  boolean noKeep;

  /** Nanoseconds spent keeping the history, for its own rate. */
  private long keeping;

  @Option(names = "--dir", description = "scratch directory (default: a new temporary one)")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Path scratch =
        dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("klaxon-hosts-");
    SQLiteDataSource sqlite = new SQLiteDataSource();
    // As the server opens SQLite by default: FULL sync, a committed request survives a power cut.
    sqlite.setUrl(
        Dialect.sqliteUrl(scratch.resolve("hosts.db"))
            + "&synchronous="
            + synchronous
            + (cacheMib > 0 ? "&cache_size=-" + cacheMib * 1024 : ""));
    JdbcAlertStore alerts = JdbcAlertStore.open(sqlite, Schema.SERVER);
    MetricHistory history = JdbcMetricHistory.open(sqlite);
    try (AlertEngine engine = AlertEngine.start(alerts, InstantSource.system())) {
      HostMonitor monitor =
          HostMonitor.start(
              engine, JdbcHostStore.open(sqlite), InstantSource.system(), HostSettings.defaults());
      Random random = new Random(18);
      Instant start = Instant.now().minus(Duration.ofDays(1));
      // One warm-up request per server registers them all, outside the measurement.
      List<MetricSample> warmUp = new ArrayList<>();
      for (int s = 0; s < servers; s++) {
        warmUp.add(new MetricSample("srv-" + s, Metric.CPU, 10, start));
      }
      take(monitor, history, warmUp);
      keeping = 0;
      long cpuBefore = cpuNanos();
      long began = System.nanoTime();
      int taken = 0;
      int round = 1;
      while (taken < samples) {
        List<MetricSample> request = new ArrayList<>(batch);
        for (int i = 0; i < batch && taken + i < samples; i++) {
          int sample = taken + i;
          request.add(
              new MetricSample(
                  "srv-" + (sample % servers),
                  Metric.values()[(sample / servers) % 3],
                  // Under the thresholds mostly, so the number is ingest, not alerting.
                  random.nextInt(80),
                  start.plusSeconds(round + sample / (servers * 3L))));
        }
        take(monitor, history, request);
        taken += request.size();
        round++;
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      double cpu = (cpuNanos() - cpuBefore) / 1e9;
      System.out.printf(
          "hosts: %,d samples from %d servers in requests of %,d, history %s: %.1f s = %,.0f"
              + " samples/s (process CPU %.1f s = %,.0f samples per CPU-second)%n",
          taken,
          servers,
          batch,
          noKeep ? "not kept" : "kept",
          seconds,
          taken / seconds,
          cpu,
          taken / cpu);
      if (!noKeep) {
        System.out.printf(
            "history alone: %.1f s of the run = %,.0f samples/s%n",
            keeping / 1e9, taken / (keeping / 1e9));
      }
    }
    return 0;
  }

  private void take(HostMonitor monitor, MetricHistory history, List<MetricSample> request) {
    monitor.takeMetrics(request);
    if (!noKeep) {
      long began = System.nanoTime();
      history.keep(request);
      keeping += System.nanoTime() - began;
    }
  }

  /** The whole process's CPU time: on a shared machine, a rate less bent by the others' load. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
