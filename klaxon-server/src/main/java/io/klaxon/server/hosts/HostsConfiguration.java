package io.klaxon.server.hosts;

import io.klaxon.cluster.ClusterNode;
import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.HostStore;
import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.hosts.JdbcHostStore;
import io.klaxon.store.jdbc.hosts.JdbcMetricHistory;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the host store, the host monitor over the alert engine, and its scheduled check. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class HostsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(HostsConfiguration.class);

  /** {@code alertStore} is asked for so that its schema migration has run first. */
  @Bean
  HostStore hostStore(DataSource dataSource, AlertStore alertStore) {
    return JdbcHostStore.open(dataSource);
  }

  /** The servers' metric history (issue 18), beside the host store on the same database. */
  @Bean
  MetricHistory metricHistory(DataSource dataSource, HostStore hostStore) {
    return JdbcMetricHistory.open(dataSource);
  }

  /**
   * In cluster mode other instances take signals and change servers in the same database, so the
   * monitor reads them from it before each use (docs/CLUSTER.md).
   */
  @Bean
  HostMonitor hostMonitor(
      AlertEngine engine,
      HostStore store,
      InstantSource clock,
      HostsProperties properties,
      ObjectProvider<ClusterNode> cluster) {
    HostMonitor monitor =
        cluster.getIfAvailable() != null
            ? HostMonitor.startShared(engine, store, clock, properties.settings())
            : HostMonitor.start(engine, store, clock, properties.settings());
    log.info("Host monitor started with {} servers", monitor.servers().size());
    return monitor;
  }
}
