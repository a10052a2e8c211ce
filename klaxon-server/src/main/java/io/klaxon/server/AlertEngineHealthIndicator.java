package io.klaxon.server;

import io.klaxon.engine.AlertEngine;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Reports the alert engine as down when its writer has died, so that a supervisor restarts it. */
@Component
class AlertEngineHealthIndicator extends AbstractHealthIndicator {

  private final AlertEngine engine;

  AlertEngineHealthIndicator(AlertEngine engine) {
    super("alert engine health check failed");
    this.engine = engine;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    (engine.isWorking() ? builder.up() : builder.down())
        .withDetail("activeAlerts", engine.activeCount())
        .withDetail("queueDepth", engine.queueDepth());
  }
}
