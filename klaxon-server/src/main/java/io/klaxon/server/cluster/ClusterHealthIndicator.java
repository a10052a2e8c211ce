package io.klaxon.server.cluster;

import io.klaxon.cluster.ClusterNode;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** The {@code cluster} health component: up while this instance is a member of the group. */
class ClusterHealthIndicator extends AbstractHealthIndicator {

  private final ClusterNode node;

  ClusterHealthIndicator(ClusterNode node) {
    super("cluster health check failed");
    this.node = node;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    (node.isMember() ? builder.up() : builder.down())
        .withDetail("nodeName", node.nodeName())
        .withDetail("partitions", node.owned().stream().sorted().toList());
  }
}
