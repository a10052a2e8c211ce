package io.klaxon.server.cluster;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster mode's settings ({@code klaxon.cluster.*}); see docs/CLUSTER.md.
 *
 * @param kafka where Kafka is: setting its bootstrap servers switches cluster mode on
 * @param topic the command topic, created on first start with the database's partitions
 * @param replicationFactor of the topics created; none for min(3, brokers)
 * @param nodeName this instance's name among the members; none for {@code hostname:port}
 * @param answerWait how long the events API waits for the owner's outcome before answering 202
 * @param feedPoll how often the live stream reads the change feed of all partitions while a client
 *     follows it (at once, too, when this instance commits)
 */
@ConfigurationProperties("klaxon.cluster")
public record ClusterProperties(
    @DefaultValue Kafka kafka,
    @DefaultValue("klaxon.commands") String topic,
    @Nullable Short replicationFactor,
    @Nullable String nodeName,
    @DefaultValue("2s") Duration answerWait,
    @DefaultValue("250ms") Duration feedPoll) {

  /**
   * Where the Kafka cluster is.
   *
   * @param bootstrapServers {@code host:port,…} of the Kafka cluster; empty on a single node
   */
  public record Kafka(@Nullable String bootstrapServers) {}
}
