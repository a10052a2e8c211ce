package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.server.jobs.ExclusiveJobs;
import java.time.Instant;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Every {@code klaxon.hosts.sample-retention-interval}: rolls samples older than {@code
 * klaxon.hosts.sample-rollup-after} (a day) into one-minute min/avg/max rows, and deletes what is
 * older than {@code klaxon.hosts.sample-retention} (7 days). Of several instances on one database,
 * the one holding the {@value #JOB} lease runs it.
 */
@Component
class MetricRetention implements SchedulingConfigurer {

  static final String JOB = "metric-retention";
  private static final Logger log = LoggerFactory.getLogger(MetricRetention.class);

  private final MetricHistory history;
  private final InstantSource clock;
  private final HostsProperties properties;
  private final ExclusiveJobs jobs;

  MetricRetention(
      MetricHistory history, InstantSource clock, HostsProperties properties, ExclusiveJobs jobs) {
    this.history = history;
    this.clock = clock;
    this.properties = properties;
    this.jobs = jobs;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    jobs.schedule(registrar, JOB, properties.sampleRetentionInterval(), lease -> run());
  }

  /** One round: what it folded and deleted. */
  MetricHistory.Retained run() {
    Instant now = clock.instant();
    MetricHistory.Retained retained =
        history.retain(
            now.minus(properties.sampleRollupAfter()), now.minus(properties.sampleRetention()));
    if (retained.rolledUp() > 0 || retained.deleted() > 0) {
      log.info(
          "Metric history: {} samples rolled into minutes, {} minutes past retention deleted",
          retained.rolledUp(),
          retained.deleted());
    }
    return retained;
  }
}
