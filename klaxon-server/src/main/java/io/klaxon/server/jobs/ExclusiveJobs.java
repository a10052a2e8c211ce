package io.klaxon.server.jobs;

import io.klaxon.cluster.ClusterNode;
import io.klaxon.jobs.JobLease;
import io.klaxon.jobs.JobLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the rounds of scheduled jobs, each only while this instance holds the job's lease, so that
 * with several instances on one database each round runs once. Jobs that change alerts one by one
 * (expiry, resolve timeouts) run instead, in cluster mode, in every instance for the partitions it
 * owns ({@link #runInOwners}). Every round is counted in {@code klaxon_jobs_runs_total{job,
 * outcome=ran|skipped|failed}}; a failed one is logged and the job runs again at its next turn.
 */
@Component
public final class ExclusiveJobs {

  private static final Logger log = LoggerFactory.getLogger(ExclusiveJobs.class);

  private final JobLock lock;
  private final JobsProperties properties;
  private final MeterRegistry registry;
  private final ObjectProvider<ClusterNode> cluster;
  private final Map<String, BooleanSupplier> scheduled = new ConcurrentHashMap<>();

  ExclusiveJobs(
      JobLock lock,
      JobsProperties properties,
      MeterRegistry registry,
      ObjectProvider<ClusterNode> cluster) {
    this.lock = lock;
    this.properties = properties;
    this.registry = registry;
    this.cluster = cluster;
  }

  /**
   * Schedules the job on Spring's scheduler: a round every {@code interval} (the first after one
   * interval), each under the job's lease as {@link #run} does.
   *
   * @throws IllegalStateException when a job of that name is scheduled already
   */
  public void schedule(
      ScheduledTaskRegistrar registrar, String job, Duration interval, Consumer<JobLease> work) {
    add(registrar, job, interval, () -> run(job, work));
  }

  /**
   * Schedules a job that works on the alerts of each partition in the partition's owner: a round
   * every {@code interval} (the first after one interval), as {@link #runInOwners} runs it.
   *
   * @throws IllegalStateException when a job of that name is scheduled already
   */
  public void scheduleInOwners(
      ScheduledTaskRegistrar registrar, String job, Duration interval, Runnable work) {
    add(registrar, job, interval, () -> runInOwners(job, work));
  }

  private void add(
      ScheduledTaskRegistrar registrar, String job, Duration interval, BooleanSupplier round) {
    if (scheduled.putIfAbsent(job, round) != null) {
      throw new IllegalStateException("job " + job + " is scheduled twice");
    }
    // Whether the round ran is counted in the meter already.
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            () -> {
              boolean unused = round.getAsBoolean();
            },
            interval,
            interval));
  }

  /**
   * One round of a scheduled job now, as its timer runs it (lease included): for tests that move a
   * clock rather than wait for the timer.
   *
   * @return whether the round ran to its end
   * @throws IllegalArgumentException when no job of that name is scheduled
   */
  public boolean runNow(String job) {
    BooleanSupplier round = scheduled.get(job);
    if (round == null) {
      throw new IllegalArgumentException(
          "no scheduled job " + job + "; known: " + scheduled.keySet());
    }
    return round.getAsBoolean();
  }

  /**
   * One round of a job that works on the alerts of each partition (from the engine's memory, which
   * in cluster mode holds the partitions this instance owns): in cluster mode every instance runs
   * it, with no lease, since each looks only at its own partitions; on one instance as {@link
   * #run}, under the job's lease.
   *
   * @return whether the round ran to its end
   */
  public boolean runInOwners(String job, Runnable work) {
    if (cluster.getIfAvailable() == null) {
      return run(job, lease -> work.run());
    }
    try {
      work.run();
      count(job, "ran");
      return true;
    } catch (RuntimeException e) {
      count(job, "failed");
      log.warn("Job {} failed; it runs again at its next turn: {}", job, e.toString());
      return false;
    }
  }

  /**
   * One round of the job, unless another instance holds it now.
   *
   * @param work the round; a long one renews the lease it is given between steps
   * @return whether the round ran to its end
   */
  public boolean run(String job, Consumer<JobLease> work) {
    try {
      boolean ran = lock.runExclusive(job, properties.leaseTtl(), work);
      count(job, ran ? "ran" : "skipped");
      if (!ran) {
        log.debug("Job {} skipped: another instance holds its lease", job);
      }
      return ran;
    } catch (RuntimeException e) {
      count(job, "failed");
      log.warn("Job {} failed; it runs again at its next turn: {}", job, e.toString());
      return false;
    }
  }

  private void count(String job, String outcome) {
    Counter.builder("klaxon.jobs.runs")
        .description("rounds of scheduled jobs, by whether this instance ran them")
        .tag("job", job)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }
}
