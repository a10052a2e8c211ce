package io.klaxon.server;

import io.klaxon.store.AlertStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Reports the alert store as up when it answers a query. */
@Component
class AlertStoreHealthIndicator extends AbstractHealthIndicator {

  private final AlertStore store;

  AlertStoreHealthIndicator(AlertStore store) {
    super("alert store health check failed");
    this.store = store;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("maxAlertId", store.maxAlertId());
  }
}
