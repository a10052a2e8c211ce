package io.klaxon.cluster;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How an instance takes part in a cluster.
 *
 * @param topic the command topic ({@code klaxon.cluster.topic}); its replies go to {@code
 *     <topic>.replies} and its owners form the consumer group {@code <topic>.owners}
 * @param partitions {@code P}: the topic's partitions, one engine each
 * @param replicationFactor of the topics created on first start; null for min(3, brokers)
 * @param nodeName this instance's name among the members ({@code klaxon.cluster.node-name})
 * @param answerWait how long a caller waits for the owner's answer before hearing "accepted"
 * @param kafka Kafka client settings (bootstrap servers, TLS, SASL: {@code spring.kafka.*}), common
 *     to the producer, the consumers and the admin client
 */
public record ClusterSettings(
    String topic,
    int partitions,
    @Nullable Short replicationFactor,
    String nodeName,
    Duration answerWait,
    Map<String, Object> kafka,
    Map<String, Object> producer,
    Map<String, Object> consumer) {

  public ClusterSettings {
    if (topic.isBlank()) {
      throw new IllegalArgumentException("klaxon.cluster.topic must not be blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
    }
    if (replicationFactor != null && replicationFactor < 1) {
      throw new IllegalArgumentException(
          "klaxon.cluster.replication-factor must be at least 1, was " + replicationFactor);
    }
    if (nodeName.isBlank()) {
      throw new IllegalArgumentException("klaxon.cluster.node-name must not be blank");
    }
    if (answerWait.isNegative()) {
      throw new IllegalArgumentException("klaxon.cluster.answer-wait must not be negative");
    }
    kafka = Map.copyOf(kafka);
    producer = Map.copyOf(producer);
    consumer = Map.copyOf(consumer);
  }

  /** Settings whose Kafka clients all share one set of client settings. */
  public ClusterSettings(
      String topic,
      int partitions,
      @Nullable Short replicationFactor,
      String nodeName,
      Duration answerWait,
      Map<String, Object> kafka) {
    this(topic, partitions, replicationFactor, nodeName, answerWait, kafka, kafka, kafka);
  }

  String replyTopic() {
    return topic + ".replies";
  }

  String group() {
    return topic + ".owners";
  }
}
