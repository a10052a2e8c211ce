package io.klaxon.server.jobs;

import io.klaxon.access.Actor;
import io.klaxon.engine.AlertEngine;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Klaxon's own changes to alerts on a timer: alerts whose deadline passed (a match's kick-off)
 * expire. Everything goes through the engine like any other change; of several instances on one
 * database, the one holding the {@value #JOB} lease does it, and in cluster mode each instance
 * expires the alerts of the partitions it owns.
 */
@Component
class Housekeeping implements SchedulingConfigurer {

  static final String JOB = "expiry";
  static final Actor ACTOR = Actor.of("klaxon");
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final AlertEngine engine;
  private final InstantSource clock;
  private final ExclusiveJobs jobs;
  private final HousekeepingProperties properties;

  Housekeeping(
      AlertEngine engine,
      InstantSource clock,
      ExclusiveJobs jobs,
      HousekeepingProperties properties) {
    this.engine = engine;
    this.clock = clock;
    this.jobs = jobs;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    jobs.scheduleInOwners(registrar, JOB, properties.interval(), this::expire);
  }

  private void expire() {
    int expired = engine.expireDue(clock.instant(), ACTOR);
    if (expired > 0) {
      log.info("Expired {} alerts whose deadline passed", expired);
    }
  }
}
