package io.klaxon.server.cluster;

import io.klaxon.cluster.ClusterNode;
import io.klaxon.cluster.Membership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The cluster's members and which partitions each owns; only in cluster mode. */
@RestController
@ConditionalOnProperty("klaxon.cluster.kafka.bootstrap-servers")
@Tag(name = "cluster")
class ClusterController {

  private final ClusterNode node;

  ClusterController(ClusterNode node) {
    this.node = node;
  }

  /** The answer of GET /api/cluster. */
  record ClusterView(String nodeName, int partitions, List<Membership.Member> members) {}

  @GetMapping("/api/cluster")
  @Operation(
      summary = "The cluster's members and their partitions",
      description =
          "This instance's node name, the number of partitions P, and each member of the group"
              + " with the partitions it owns; when the group is stable every partition is owned"
              + " by exactly one member.")
  ClusterView cluster() {
    Membership membership = node.membership();
    return new ClusterView(node.nodeName(), membership.partitions(), membership.members());
  }
}
