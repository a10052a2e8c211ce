package io.klaxon.server.jobs;

import io.klaxon.access.Actor;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import io.klaxon.jobs.JobLease;
import io.klaxon.store.AlertStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes alerts that have been in a final status (resolved, dismissed, expired) for longer than
 * the retention period, with their history, in batches of {@code klaxon.retention.batch-size}
 * alerts per transaction, through the engine (one write path). One round goes on until nothing is
 * left, logging its progress during long purges; of several instances the one holding the {@value
 * #JOB} lease runs it.
 *
 * <p>Meters: {@code klaxon_retention_purged_total} (alerts deleted), {@code klaxon_retention_left}
 * (at most this many were left after the last batch), {@code klaxon_retention_round_seconds}.
 */
@Component
class Retention implements SchedulingConfigurer {

  static final String JOB = "retention";
  static final Actor ACTOR = Actor.of("klaxon");
  private static final Logger log = LoggerFactory.getLogger(Retention.class);
  private static final EnumSet<AlertStatus> FINAL =
      EnumSet.of(AlertStatus.RESOLVED, AlertStatus.DISMISSED, AlertStatus.EXPIRED);

  private final AlertEngine engine;
  private final AlertStore store;
  private final InstantSource clock;
  private final RetentionPeriod period;
  private final RetentionProperties properties;
  private final ExclusiveJobs jobs;
  private final Counter purgedTotal;
  private final Timer roundTime;
  private final AtomicLong left = new AtomicLong();

  Retention(
      AlertEngine engine,
      AlertStore store,
      InstantSource clock,
      RetentionPeriod period,
      RetentionProperties properties,
      ExclusiveJobs jobs,
      MeterRegistry registry) {
    this.engine = engine;
    this.store = store;
    this.clock = clock;
    this.period = period;
    this.properties = properties;
    this.jobs = jobs;
    this.purgedTotal =
        Counter.builder("klaxon.retention.purged")
            .description("alerts deleted with their history after the retention period")
            .register(registry);
    this.roundTime =
        Timer.builder("klaxon.retention.round")
            .description("one retention round")
            .register(registry);
    registry.gauge("klaxon.retention.left", left);
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    jobs.schedule(
        registrar, JOB, properties.interval(), lease -> roundTime.record(() -> purge(lease)));
  }

  private void purge(JobLease lease) {
    Instant cutoff = clock.instant().minus(period.retention());
    long purged = 0;
    long lastLog = System.nanoTime();
    while (true) {
      List<Long> due = store.finalAlertsBefore(cutoff, properties.batchSize());
      if (due.isEmpty()) {
        left.set(0);
        break;
      }
      List<AlertCommand> deletes =
          due.stream().<AlertCommand>map(id -> new AlertCommand.Delete(id, ACTOR)).toList();
      List<CommandResult> results = engine.apply(deletes);
      long deleted = results.stream().filter(r -> r.outcome() == Outcome.DELETED).count();
      purged += deleted;
      purgedTotal.increment((double) deleted);
      if (deleted == 0) {
        left.set(due.size());
        log.warn(
            "Retention: none of {} alerts could be deleted; trying again next round", due.size());
        break;
      }
      if (due.size() < properties.batchSize()) {
        left.set(0);
        break; // the last batch
      }
      if (System.nanoTime() - lastLog >= properties.logEvery().toNanos()) {
        long atMost = leftAtMost(cutoff);
        left.set(atMost);
        log.info("Retention: purged {} alerts so far, at most {} left", purged, atMost);
        lastLog = System.nanoTime();
      }
      if (!lease.renew()) {
        log.warn("Retention stopped after {} alerts: its lease went to another instance", purged);
        return;
      }
    }
    if (purged > 0) {
      log.info(
          "Retention: purged {} alerts final before {} (kept for {})",
          purged,
          cutoff,
          period.retention());
    }
  }

  /** Final alerts detected before the cutoff: an upper bound of those final before it. */
  private long leftAtMost(Instant cutoff) {
    return store.stats(AlertQuery.all().withStatuses(FINAL).withDetectedBefore(cutoff)).total();
  }
}
