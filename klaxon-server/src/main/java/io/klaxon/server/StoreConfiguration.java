package io.klaxon.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.cluster.ClusterNode;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.EngineSettings;
import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the store chosen by {@code klaxon.db.url} and the alert engine on top of it. */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StoreConfiguration.class);

  @Bean(destroyMethod = "close")
  HikariDataSource klaxonDataSource(KlaxonProperties properties) {
    return openDataSource(properties);
  }

  /** The connection pool the settings name; also used by the command line, without a server. */
  public static HikariDataSource openDataSource(KlaxonProperties properties) {
    String url = properties.jdbcUrl();
    if (url.startsWith("jdbc:sqlite:")) {
      createDataDir(properties);
    } else if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(
          "klaxon.db.url must be a jdbc:sqlite: or jdbc:postgresql: URL, not " + url);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (url.startsWith("jdbc:sqlite:")) {
      // Per-connection settings, applied by the driver to every pooled connection: cascades need
      // foreign keys; FULL sync makes a committed batch survive a power cut, not only a crash.
      config.addDataSourceProperty("foreign_keys", "true");
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", "10000");
      // Checkpoints every 10,000 pages of log, not SQLite's 1,000: at the default, every commit of
      // a few hundred new alerts ran one on the alert writer's thread (Dialect says more).
      config.addDataSourceProperty(
          "wal_autocheckpoint", String.valueOf(Dialect.SQLITE_WAL_AUTOCHECKPOINT_PAGES));
      // A deferred transaction that reads, then writes fails at once with SQLITE_BUSY when another
      // connection committed in between (the busy timeout does not cover that upgrade): seen as
      // 503s when a server was registered while the alert writer committed. Immediate
      // transactions take the write lock at BEGIN and wait for it within the busy timeout.
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }
    // Fail fast when the database is away: the engine retries with back-off on its own.
    config.setConnectionTimeout(properties.db().connectTimeout().toMillis());
    config.setUsername(properties.db().username());
    config.setPassword(properties.db().password());
    config.setMaximumPoolSize(properties.db().poolSize());
    config.setPoolName("klaxon");
    log.info("Klaxon store: {}", url);
    return new HikariDataSource(config);
  }

  @Bean
  AlertStore alertStore(HikariDataSource dataSource, KlaxonProperties properties) {
    return JdbcAlertStore.open(dataSource, Schema.SERVER, properties.engine().partitions());
  }

  @Bean
  InstantSource clock() {
    return InstantSource.system();
  }

  @Bean(destroyMethod = "close")
  AlertEngine alertEngine(
      AlertStore store,
      InstantSource clock,
      KlaxonProperties properties,
      MeterRegistry registry,
      ObjectProvider<ClusterNode> cluster) {
    ClusterNode node = cluster.getIfAvailable();
    if (node != null) {
      // Cluster mode: every command goes through the command topic to its partition's owner.
      log.info("Alert engine in cluster mode: commands go through Kafka");
      return AlertEngine.routed(store, node);
    }
    KlaxonProperties.Engine settings = properties.engine();
    AlertEngine engine =
        AlertEngine.start(
            store,
            clock,
            new EngineSettings(
                settings.queueCapacity(),
                settings.maxBatch(),
                settings.retryFor(),
                Duration.ofMillis(20),
                Duration.ofSeconds(1),
                settings.materializeEvery(),
                settings.maxMaterializerLag()),
            new EngineMeters(registry));
    EngineMeters.watch(registry, () -> engine);
    log.info(
        "Alert engine started with {} active alerts in {} partitions",
        engine.activeCount(),
        engine.partitioning().count());
    return engine;
  }

  private static void createDataDir(KlaxonProperties properties) {
    try {
      Files.createDirectories(properties.dataDir());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create the data directory " + properties.dataDir().toAbsolutePath(), e);
    }
  }
}
