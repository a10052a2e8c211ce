package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.HostAlertChange;
import io.klaxon.detect.hosts.HostMonitor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs the host monitor's clock-driven rules every {@code klaxon.hosts.check-interval} on Spring's
 * scheduler: servers silent for too long go offline, breaches held back by a cool-down open their
 * alert. The time comes from the injected clock, not from the scheduler.
 */
@Component
class OfflineCheck implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(OfflineCheck.class);

  private final HostMonitor monitor;
  private final HostsProperties properties;

  OfflineCheck(HostMonitor monitor, HostsProperties properties) {
    this.monitor = monitor;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(this::run, properties.checkInterval(), properties.checkInterval()));
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
