package io.klaxon.server.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.alert.Severity;
import io.klaxon.cluster.ClusterNode;
import io.klaxon.cluster.ClusterSettings;
import io.klaxon.cluster.KraftBroker;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.EngineMetrics;
import io.klaxon.engine.EngineSettings;
import io.klaxon.engine.Outcome;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each failure does in cluster mode (issue 15), with instances in this JVM on an embedded
 * KRaft broker: PostgreSQL going away pauses the owners while Kafka keeps accepting, and everything
 * accepted is applied once it is back; a graceful stop of one of two instances (a rolling restart)
 * hands its partitions over with no error seen by the clients of the other, and nothing lost or
 * counted twice.
 */
class ClusterFailuresTest {

  private static final int PARTITIONS = 4;
  private static final int FINGERPRINTS = 16;

  private static KraftBroker kafka;

  @BeforeAll
  static void start() throws Exception {
    kafka = KraftBroker.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void postgresAwayPausesTheOwnersKafkaKeepsAcceptingAndNothingIsLost() throws Exception {
    try (TestDatabase postgres = TestDatabase.postgres()) {
      URI server = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
      JdbcAlertStore.open(postgres.dataSource(), Schema.SERVER, PARTITIONS);
      try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort());
          HikariDataSource viaProxy = pool(postgres, proxy)) {
        ClusterNode node = node("outage", "klaxon.outage", viaProxy);
        try {
          await().atMost(Duration.ofSeconds(90)).until(() -> node.owned().size() == PARTITIONS);
          assertThat(node.submit(triggers("db")).join())
              .allMatch(r -> r.outcome() == Outcome.CREATED);

          proxy.cut();
          // Kafka has them: the events are answered accepted (202), to be applied later.
          for (int round = 0; round < 3; round++) {
            assertThat(node.submit(triggers("db")).join())
                .allMatch(r -> r.outcome() == Outcome.ACCEPTED);
          }
          proxy.restore();

          await()
              .atMost(Duration.ofMinutes(2))
              .until(
                  () ->
                      number(postgres.dataSource(), "sum(occurrences)", "db") == 4L * FINGERPRINTS);
          assertThat(number(postgres.dataSource(), "count(*)", "db")).isEqualTo(FINGERPRINTS);
          // The owner works again: what comes now is applied too.
          assertThat(node.submit(triggers("db")).join()).noneMatch(CommandResult::isRefused);
          await()
              .atMost(Duration.ofMinutes(1))
              .until(
                  () ->
                      number(postgres.dataSource(), "sum(occurrences)", "db") == 5L * FINGERPRINTS);
        } finally {
          node.close();
        }
      }
    }
  }

  @Test
  void aGracefulStopHandsThePartitionsOverWithNoErrorSeenByClients() throws Exception {
    try (TestDatabase postgres = TestDatabase.postgres()) {
      JdbcAlertStore.open(postgres.dataSource(), Schema.SERVER, PARTITIONS);
      ClusterNode first = node("first", "klaxon.rolling", postgres.dataSource());
      ClusterNode second = node("second", "klaxon.rolling", postgres.dataSource());
      AtomicBoolean loading = new AtomicBoolean(true);
      AtomicLong sent = new AtomicLong();
      Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
      Thread load =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (loading.get()) {
                      try {
                        List<CommandResult> results = first.submit(triggers("roll")).join();
                        results.stream()
                            .filter(CommandResult::isRefused)
                            .forEach(r -> errors.add(r.refusal()));
                        sent.addAndGet(results.size());
                      } catch (RuntimeException e) {
                        errors.add(e);
                      }
                    }
                  });
      try {
        await()
            .atMost(Duration.ofSeconds(90))
            .until(() -> first.owned().size() + second.owned().size() == PARTITIONS);
        await().atMost(Duration.ofSeconds(60)).until(() -> sent.get() >= 10L * FINGERPRINTS);

        second.close(); // leaves the group at once: its partitions go to the first
        await().atMost(Duration.ofSeconds(60)).until(() -> first.owned().size() == PARTITIONS);
        long handedOver = sent.get();
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> sent.get() >= handedOver + 5L * FINGERPRINTS);
        // ...and it comes back, as in a rolling restart.
        ClusterNode again = node("second", "klaxon.rolling", postgres.dataSource());
        try {
          await().atMost(Duration.ofSeconds(90)).until(() -> !again.owned().isEmpty());
          long rejoined = sent.get();
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> sent.get() >= rejoined + 5L * FINGERPRINTS);
        } finally {
          loading.set(false);
          load.join();
          again.close();
        }
        assertThat(errors).as("no client saw an error").isEmpty();
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> number(postgres.dataSource(), "sum(occurrences)", "roll") == sent.get());
        assertThat(number(postgres.dataSource(), "count(*)", "roll")).isEqualTo(FINGERPRINTS);
      } finally {
        loading.set(false);
        load.join();
        first.close();
        second.close();
      }
    }
  }

  private static ClusterNode node(String name, String topic, DataSource dataSource) {
    ClusterSettings settings =
        new ClusterSettings(
            topic,
            PARTITIONS,
            null,
            name,
            Duration.ofSeconds(2),
            Map.of("bootstrap.servers", kafka.bootstrapServers()));
    return ClusterNode.start(
        settings,
        JdbcAlertStore.open(dataSource, Schema.SERVER, PARTITIONS),
        JdbcPartitionLedger.open(dataSource, PARTITIONS),
        InstantSource.system(),
        new EngineSettings(
            200_000, 20_000, Duration.ofSeconds(3), Duration.ofMillis(20), Duration.ofSeconds(1)),
        EngineMetrics.NONE);
  }

  /** A pool that reaches PostgreSQL through the proxy, failing fast while it is cut. */
  private static HikariDataSource pool(TestDatabase postgres, TcpProxy proxy) {
    URI server = URI.create(postgres.jdbcUrl().substring("jdbc:".length()));
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(
        postgres
            .jdbcUrl()
            .replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port()));
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(1_000);
    config.setValidationTimeout(1_000);
    return new HikariDataSource(config);
  }

  private static List<AlertCommand> triggers(String prefix) {
    return IntStream.range(0, FINGERPRINTS)
        .<AlertCommand>mapToObj(
            i ->
                AlertCommand.Trigger.of(
                    prefix + "-" + i, "cluster", "disk", Severity.HIGH, "disk " + i))
        .toList();
  }

  /** An aggregate over the alerts of one prefix, read straight from PostgreSQL. */
  private static long number(DataSource dataSource, String aggregate, String prefix)
      throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select coalesce("
                    + aggregate
                    + ", 0) from alerts join alert_occurrences using (id) where fingerprint like '"
                    + prefix
                    + "-%'")) {
      r.next();
      return r.getLong(1);
    }
  }
}
