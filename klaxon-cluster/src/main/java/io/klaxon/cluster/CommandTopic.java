package io.klaxon.cluster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the command topic on first start with the database's {@code P} partitions, and refuses
 * one that exists with another count: a fingerprint's partition would no longer be its engine's.
 */
final class CommandTopic {

  private static final Logger log = LoggerFactory.getLogger(CommandTopic.class);
  private static final long TIMEOUT_SECONDS = 30;

  private CommandTopic() {}

  /**
   * @throws IllegalStateException when the topic exists with another number of partitions, or Kafka
   *     cannot be reached
   */
  static void ensure(Admin admin, ClusterSettings settings) {
    short replication = replication(admin, settings.replicationFactor());
    ensure(admin, settings.topic(), settings.partitions(), replication);
    // Replies are small and short-lived: one partition, an hour of retention.
    ensure(admin, settings.replyTopic(), 1, replication);
    int found = describe(admin, settings.topic()).map(t -> t.partitions().size()).orElse(0);
    if (found != settings.partitions()) {
      throw new IllegalStateException(
          "the Kafka topic "
              + settings.topic()
              + " has "
              + found
              + " partitions, but the database has "
              + settings.partitions()
              + ": a topic's partitions must be the database's. Use another klaxon.cluster.topic,"
              + " or delete this one while no instance runs");
    }
  }

  private static void ensure(Admin admin, String topic, int partitions, short replication) {
    if (describe(admin, topic).isPresent()) {
      return;
    }
    NewTopic created = new NewTopic(topic, partitions, replication);
    if (topic.endsWith(".replies")) {
      created.configs(Map.of("retention.ms", "3600000"));
    }
    try {
      admin.createTopics(List.of(created)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      log.info(
          "Created Kafka topic {} with {} partitions, replication {}",
          topic,
          partitions,
          replication);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw unreachable("create the topic " + topic, causeOf(e));
      }
    } catch (InterruptedException | TimeoutException e) {
      throw unreachable("create the topic " + topic, e);
    }
  }

  private static Optional<TopicDescription> describe(Admin admin, String topic) {
    try {
      return Optional.ofNullable(
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(topic));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return Optional.empty();
      }
      throw unreachable("describe the topic " + topic, causeOf(e));
    } catch (InterruptedException | TimeoutException e) {
      throw unreachable("describe the topic " + topic, e);
    }
  }

  private static short replication(Admin admin, @Nullable Short configured) {
    if (configured != null) {
      return configured;
    }
    try {
      int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
      return (short) Math.max(1, Math.min(3, brokers));
    } catch (ExecutionException e) {
      throw unreachable("count the brokers", causeOf(e));
    } catch (InterruptedException | TimeoutException e) {
      throw unreachable("count the brokers", e);
    }
  }

  private static IllegalStateException unreachable(String what, Throwable cause) {
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    return new IllegalStateException(
        "cluster mode could not " + what + " on Kafka: " + cause, cause);
  }

  /** What an admin call failed of: its cause, or the wrapper when Kafka gave none. */
  private static Throwable causeOf(ExecutionException e) {
    Throwable cause = e.getCause();
    return cause != null ? cause : e;
  }
}
