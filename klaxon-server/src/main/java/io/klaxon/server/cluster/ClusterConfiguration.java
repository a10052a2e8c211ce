package io.klaxon.server.cluster;

import io.klaxon.cluster.ClusterNode;
import io.klaxon.cluster.ClusterSettings;
import io.klaxon.engine.EngineSettings;
import io.klaxon.server.EngineMeters;
import io.klaxon.server.KlaxonProperties;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeFeed;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.apache.kafka.clients.CommonClientConfigs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Cluster mode, on when {@code klaxon.cluster.kafka.bootstrap-servers} is set: this instance joins
 * the cluster ({@link ClusterNode}), and the alert engine sends every command through the command
 * topic to the owner of its partition (see StoreConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("klaxon.cluster.kafka.bootstrap-servers")
@EnableConfigurationProperties(KafkaProperties.class)
class ClusterConfiguration {

  @Bean(destroyMethod = "close")
  ClusterNode clusterNode(
      ClusterProperties cluster,
      KlaxonProperties klaxon,
      KafkaProperties kafka,
      AlertStore store,
      DataSource dataSource,
      InstantSource clock,
      Environment environment,
      MeterRegistry registry) {
    if (!klaxon.jdbcUrl().startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(
          "klaxon.cluster.kafka.bootstrap-servers is set, so this instance would run in cluster"
              + " mode, which needs PostgreSQL (klaxon.db.url=jdbc:postgresql://...): the"
              + " instances share their alerts through it, and a SQLite file cannot be shared"
              + " between machines. Set klaxon.db.url, or unset the Kafka setting to run alone on"
              + " SQLite.");
    }
    // P is the database's, recorded when it was created (klaxon.engine.partitions).
    int partitions = store.partitioning().count();
    JdbcPartitionLedger ledger = JdbcPartitionLedger.open(dataSource, partitions);
    // This configuration is only used when the setting is there (cluster mode's switch).
    String servers =
        Objects.requireNonNull(
            cluster.kafka().bootstrapServers(), "klaxon.cluster.kafka.bootstrap-servers");
    ClusterSettings settings =
        new ClusterSettings(
            cluster.topic(),
            partitions,
            cluster.replicationFactor(),
            nodeName(cluster, environment),
            cluster.answerWait(),
            withServers(kafka.buildAdminProperties(), servers),
            withServers(kafka.buildProducerProperties(), servers),
            withServers(kafka.buildConsumerProperties(), servers));
    KlaxonProperties.Engine engine = klaxon.engine();
    return ClusterNode.start(
        settings,
        (JdbcAlertStore) store,
        ledger,
        clock,
        new EngineSettings(
            engine.queueCapacity(),
            engine.maxBatch(),
            engine.retryFor(),
            Duration.ofMillis(20),
            Duration.ofSeconds(1)),
        new EngineMeters(registry));
  }

  /**
   * The live stream of every instance follows the feed of all partitions (AlertStreamController).
   */
  @Bean(destroyMethod = "close")
  FeedFollower feedFollower(ClusterProperties cluster, AlertStore store, ClusterNode node) {
    if (!(store instanceof ChangeFeed feed)) {
      throw new IllegalStateException("cluster mode needs the JDBC store, which is a change feed");
    }
    if (cluster.feedPoll().isNegative() || cluster.feedPoll().isZero()) {
      throw new IllegalStateException(
          "klaxon.cluster.feed-poll must be positive, was " + cluster.feedPoll());
    }
    FeedFollower follower = new FeedFollower(feed, cluster.feedPoll());
    node.onCommitted(alerts -> follower.wake());
    return follower;
  }

  @Bean
  ClusterHealthIndicator clusterHealthIndicator(ClusterNode node) {
    return new ClusterHealthIndicator(node);
  }

  private static Map<String, Object> withServers(Map<String, Object> client, String servers) {
    Map<String, Object> settings = new HashMap<>(client);
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers);
    return settings;
  }

  private static String nodeName(ClusterProperties cluster, Environment environment) {
    if (cluster.nodeName() != null && !cluster.nodeName().isBlank()) {
      return cluster.nodeName().strip();
    }
    String port = environment.getProperty("server.port", "8080");
    try {
      return InetAddress.getLocalHost().getHostName() + ":" + port;
    } catch (UnknownHostException e) {
      return "localhost:" + port;
    }
  }
}
