package io.klaxon.server;

import io.klaxon.engine.AlertEngine;
import io.klaxon.problem.Unavailable;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Klaxon's own changes to alerts on a timer: alerts whose deadline passed (a match's kick-off)
 * expire. Everything goes through the engine like any other change.
 */
@Component
class Housekeeping {

  static final String ACTOR = "klaxon";
  private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

  private final AlertEngine engine;
  private final InstantSource clock;

  Housekeeping(AlertEngine engine, InstantSource clock) {
    this.engine = engine;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${klaxon.housekeeping.interval:PT15S}",
      initialDelayString = "${klaxon.housekeeping.interval:PT15S}")
  void run() {
    try {
      int expired = engine.expireDue(clock.instant(), ACTOR);
      if (expired > 0) {
        log.info("Expired {} alerts whose deadline passed", expired);
      }
    } catch (Unavailable e) {
      log.warn("Housekeeping skipped this round: {}", e.getMessage());
    }
  }
}
