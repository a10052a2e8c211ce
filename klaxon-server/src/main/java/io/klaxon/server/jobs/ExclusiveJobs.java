package io.klaxon.server.jobs;

import io.klaxon.jobs.JobLease;
import io.klaxon.jobs.JobLock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the rounds of scheduled jobs, each only while this instance holds the job's lease, so that
 * with several instances on one database each round runs once. Every round is counted in {@code
 * klaxon_jobs_runs_total{job, outcome=ran|skipped|failed}}; a failed one is logged and the job runs
 * again at its next turn.
 */
@Component
public final class ExclusiveJobs {

  private static final Logger log = LoggerFactory.getLogger(ExclusiveJobs.class);

  private final JobLock lock;
  private final JobsProperties properties;
  private final MeterRegistry registry;
  private final Map<String, Consumer<JobLease>> scheduled = new ConcurrentHashMap<>();

  ExclusiveJobs(JobLock lock, JobsProperties properties, MeterRegistry registry) {
    this.lock = lock;
    this.properties = properties;
    this.registry = registry;
  }

  /**
   * Schedules the job on Spring's scheduler: a round every {@code interval} (the first after one
   * interval), each under the job's lease as {@link #run} does.
   *
   * @throws IllegalStateException when a job of that name is scheduled already
   */
  public void schedule(
      ScheduledTaskRegistrar registrar, String job, Duration interval, Consumer<JobLease> work) {
    if (scheduled.putIfAbsent(job, work) != null) {
      throw new IllegalStateException("job " + job + " is scheduled twice");
    }
    registrar.addFixedDelayTask(new FixedDelayTask(() -> run(job, work), interval, interval));
  }

  /**
   * One round of a scheduled job now, as its timer runs it (lease included): for tests that move a
   * clock rather than wait for the timer.
   *
   * @return whether the round ran to its end
   * @throws IllegalArgumentException when no job of that name is scheduled
   */
  public boolean runNow(String job) {
    Consumer<JobLease> work = scheduled.get(job);
    if (work == null) {
      throw new IllegalArgumentException(
          "no scheduled job " + job + "; known: " + scheduled.keySet());
    }
    return run(job, work);
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
