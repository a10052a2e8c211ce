package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.HostAlertChange;
import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.server.jobs.ExclusiveJobs;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the host monitor's clock-driven rules every {@code klaxon.hosts.check-interval} on Spring's
 * scheduler: servers silent for too long go offline, breaches held back by a cool-down open their
 * alert. The time comes from the injected clock, not from the scheduler. Of several instances on
 * one database, the one holding the job's lease runs it.
 */
@Component
class OfflineCheck implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(OfflineCheck.class);

  /** The job's lease name: of several instances on one database, one runs the check. */
  static final String JOB = "host-check";

  private final HostMonitor monitor;
  private final HostsProperties properties;
  private final ExclusiveJobs jobs;

  OfflineCheck(HostMonitor monitor, HostsProperties properties, ExclusiveJobs jobs) {
    this.monitor = monitor;
    this.properties = properties;
    this.jobs = jobs;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    jobs.schedule(registrar, JOB, properties.checkInterval(), lease -> run());
  }

  /** One check; a failure (the database away) is logged, and the next run tries again. */
  void run() {
    try {
      List<HostAlertChange> changes = monitor.tick();
      if (!changes.isEmpty()) {
        log.info("Host check changed {} alerts", changes.size());
      }
    } catch (RuntimeException e) {
      log.warn(
          "Host check failed; it runs again in {}: {}", properties.checkInterval(), e.toString());
    }
  }
}
