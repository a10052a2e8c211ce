package io.klaxon.cluster;

import io.klaxon.engine.EngineMetrics;
import io.klaxon.engine.EngineSettings;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every cluster test stands on, once per test class: one embedded KRaft broker and one fresh
 * PostgreSQL schema (dropped afterwards), optionally migrated with the server's schema and {@code
 * P} partitions. Register it as {@code @RegisterExtension static final KafkaAndPostgres backends =
 * KafkaAndPostgres.migrated(4);}.
 */
public final class KafkaAndPostgres implements BeforeAllCallback, AfterAllCallback {

  private final int partitions;
  private final boolean migrate;
  private @Nullable TestDatabase database;
  private @Nullable KraftBroker kafka;

  private KafkaAndPostgres(int partitions, boolean migrate) {
    this.partitions = partitions;
    this.migrate = migrate;
  }

  /** A broker and an empty schema: a whole server migrates it at its start. */
  public static KafkaAndPostgres empty() {
    return new KafkaAndPostgres(0, false);
  }

  /** A broker and a schema migrated as a server's, recording {@code partitions}. */
  public static KafkaAndPostgres migrated(int partitions) {
    return new KafkaAndPostgres(partitions, true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    database = TestDatabase.postgres();
    if (migrate) {
      JdbcAlertStore.open(database.dataSource(), Schema.SERVER, partitions);
    }
    kafka = KraftBroker.start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (kafka != null) {
        kafka.close();
      }
    } finally {
      kafka = null;
      if (database != null) {
        database.close();
      }
      database = null;
    }
  }

  public String bootstrapServers() {
    return Objects.requireNonNull(kafka, "the broker starts before the tests").bootstrapServers();
  }

  public TestDatabase database() {
    return Objects.requireNonNull(database, "the database opens before the tests");
  }

  public String jdbcUrl() {
    return database().jdbcUrl();
  }

  public DataSource dataSource() {
    return database().dataSource();
  }

  /**
   * An instance of the cluster in this JVM on the broker and the migrated schema, with the engine's
   * default settings: start several for several instances (same topic, other names).
   */
  public ClusterNode node(String name, String topic, Duration answerWait) {
    return node(name, topic, answerWait, dataSource());
  }

  /** {@link #node(String, String, Duration)} over a data source of the caller's (a proxy). */
  public ClusterNode node(String name, String topic, Duration answerWait, DataSource dataSource) {
    ClusterSettings settings =
        new ClusterSettings(
            topic,
            partitions,
            null,
            name,
            answerWait,
            Map.of("bootstrap.servers", bootstrapServers()));
    return ClusterNode.start(
        settings,
        JdbcAlertStore.open(dataSource, Schema.SERVER, partitions),
        JdbcPartitionLedger.open(dataSource, partitions),
        InstantSource.system(),
        EngineSettings.defaults(),
        EngineMetrics.NONE);
  }

  /** The one number a query answers (a count, a sum), read straight from PostgreSQL. */
  public long number(String sql) throws SQLException {
    try (Connection c = dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
