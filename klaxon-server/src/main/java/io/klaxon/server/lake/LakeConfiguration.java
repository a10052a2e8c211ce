package io.klaxon.server.lake;

import io.klaxon.cluster.ClusterNode;
import io.klaxon.engine.AlertEngine;
import io.klaxon.jobs.JobLock;
import io.klaxon.lake.AlertChangeTable;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeFeed;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Starts the lake sink when {@code klaxon.lake.path} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "klaxon.lake", name = "path")
class LakeConfiguration {

  /** Closed before the engine and the store it reads (it depends on them). */
  @Bean(destroyMethod = "close")
  LakeSink lakeSink(
      LakeProperties properties,
      AlertStore store,
      AlertEngine engine,
      MeterRegistry registry,
      JobLock jobLock,
      ObjectProvider<ClusterNode> cluster) {
    if (!(store instanceof ChangeFeed feed)) {
      throw new IllegalStateException(
          "klaxon.lake.path needs a store with a change feed; "
              + store.getClass().getSimpleName()
              + " has none");
    }
    Path path = Objects.requireNonNull(properties.path());
    LakeSink sink =
        new LakeSink(
            feed,
            AlertChangeTable.open(path),
            properties.batchSize(),
            properties.pollInterval(),
            registry,
            // In cluster mode one instance's sink writes at a time, under a lease.
            cluster.getIfAvailable() == null ? null : jobLock);
    engine.onCommitted(alerts -> sink.wake());
    sink.start();
    return sink;
  }
}
