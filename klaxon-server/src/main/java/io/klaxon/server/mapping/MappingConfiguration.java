package io.klaxon.server.mapping;

import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.mapping.MappingRegistry;
import io.klaxon.mapping.MappingStore;
import io.klaxon.store.jdbc.mapping.JdbcMappingStore;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the mapping registry on the database of the alert store. */
@Configuration(proxyBeanMethods = false)
class MappingConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MappingConfiguration.class);

  @Bean
  MappingStore mappingStore(HikariDataSource klaxonDataSource) {
    return JdbcMappingStore.open(klaxonDataSource);
  }

  /** Closed before the store's pool (it depends on it): writes the sightings still buffered. */
  @Bean(destroyMethod = "close")
  MappingRegistry mappingRegistry(MappingStore store, InstantSource clock) {
    MappingRegistry registry = MappingRegistry.open(store, clock);
    log.info("Mapping registry loaded: {} source ids resolve", registry.resolvableIds());
    return registry;
  }

  @Bean(destroyMethod = "close")
  MappingUpkeep mappingUpkeep(MappingRegistry registry, MappingProperties properties) {
    return new MappingUpkeep(registry, properties);
  }
}
