package io.klaxon.server.alertmanager;

import io.klaxon.server.jobs.ExclusiveJobs;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ResolveTimeouts} every {@code klaxon.alertmanager.check-interval} on a thread of its
 * own, while the server runs. A failed run (the store away) is logged and tried again at the next
 * tick.
 */
@Component
class ResolveTimeoutSchedule implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ResolveTimeoutSchedule.class);

  /**
   * The job's lease name: of several instances on one database, one runs the timeouts; in cluster
   * mode each runs them for the partitions it owns.
   */
  static final String JOB = "alertmanager-resolve-timeouts";

  private final ResolveTimeouts timeouts;
  private final ExclusiveJobs jobs;
  private final long intervalMillis;
  private @Nullable ScheduledExecutorService executor;

  ResolveTimeoutSchedule(
      ResolveTimeouts timeouts, AlertmanagerSettings settings, ExclusiveJobs jobs) {
    this.timeouts = timeouts;
    this.jobs = jobs;
    this.intervalMillis = settings.checkInterval().toMillis();
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("klaxon-alertmanager-timeouts").daemon(true).factory());
    // Its future holds nothing: the job records its own runs and failures.
    var unused =
        executor.scheduleWithFixedDelay(
            () -> jobs.runInOwners(JOB, this::run),
            intervalMillis,
            intervalMillis,
            TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  /** Stops before the engine closes (beans are destroyed after lifecycles stop). */
  @Override
  public int getPhase() {
    return DEFAULT_PHASE - 1;
  }

  private void run() {
    try {
      int resolved = timeouts.resolveOverdue();
      if (resolved > 0) {
        log.info("Resolved {} Alertmanager alerts that were not sent again in time", resolved);
      }
    } catch (RuntimeException e) {
      log.warn("Alertmanager resolve timeouts failed; trying again next time: {}", e.toString());
    }
  }
}
