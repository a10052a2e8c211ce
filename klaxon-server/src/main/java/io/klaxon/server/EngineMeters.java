package io.klaxon.server;

import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.EngineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The engine's write path as Micrometer meters, under {@code klaxon.writer.*}. */
public final class EngineMeters implements EngineMetrics {

  private final Timer commitLatency;
  private final DistributionSummary batchCommands;
  private final DistributionSummary batchRequests;
  private final Counter commands;
  private final Counter alertsWritten;
  private final Counter historyWritten;
  private final Counter rejected;
  private final Counter retried;
  private final Counter failed;

  public EngineMeters(MeterRegistry registry) {
    commitLatency =
        Timer.builder("klaxon.writer.commit")
            .description("time to apply and commit one batch")
            .publishPercentileHistogram()
            .register(registry);
    batchCommands =
        DistributionSummary.builder("klaxon.writer.batch.commands")
            .description("commands committed per transaction")
            .register(registry);
    batchRequests =
        DistributionSummary.builder("klaxon.writer.batch.requests")
            .description("callers sharing one transaction (group commit)")
            .register(registry);
    commands = counter(registry, "klaxon.writer.commands", "commands committed");
    alertsWritten =
        counter(registry, "klaxon.writer.alerts.written", "alert rows inserted or updated");
    historyWritten = counter(registry, "klaxon.writer.history.written", "history rows inserted");
    rejected =
        counter(registry, "klaxon.writer.rejected", "commands refused because the queue was full");
    retried = counter(registry, "klaxon.writer.retries", "commits retried after a store failure");
    failed = counter(registry, "klaxon.writer.failed", "commands whose batch failed for good");
  }

  /** Gauges read from the running engine: queue depth, active alerts, materializer lag. */
  static void watch(MeterRegistry registry, Supplier<AlertEngine> engine) {
    Gauge.builder("klaxon.writer.queue.depth", () -> engine.get().queueDepth())
        .description("commands waiting to be committed")
        .register(registry);
    Gauge.builder("klaxon.alerts.active", () -> engine.get().activeCount())
        .description("open and acknowledged alerts held in memory")
        .register(registry);
    Gauge.builder("klaxon.materializer.lag", () -> engine.get().materializerLagSeconds())
        .description("age of the oldest re-trigger in the log not yet folded into the alert rows")
        .baseUnit("seconds")
        .register(registry);
  }

  @Override
  public void committed(int requests, int commandCount, int alerts, int history, long nanos) {
    commitLatency.record(nanos, TimeUnit.NANOSECONDS);
    batchCommands.record(commandCount);
    batchRequests.record(requests);
    commands.increment(commandCount);
    alertsWritten.increment(alerts);
    historyWritten.increment(history);
  }

  @Override
  public void rejected(int commandCount) {
    rejected.increment(commandCount);
  }

  @Override
  public void retried(Throwable cause) {
    retried.increment();
  }

  @Override
  public void failed(int commandCount, Throwable cause) {
    failed.increment(commandCount);
  }

  private static Counter counter(MeterRegistry registry, String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }
}
