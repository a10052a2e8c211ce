package io.klaxon.server.odds;

import io.klaxon.detect.odds.PricePaths;
import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.odds.JdbcPricePaths;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires where the odds alerts' price points are kept (issue 18). */
@Configuration(proxyBeanMethods = false)
class PricePathsConfiguration {

  /** {@code alertStore} is asked for so that its schema migration has run first. */
  @Bean
  PricePaths pricePaths(DataSource dataSource, AlertStore alertStore) {
    return JdbcPricePaths.open(dataSource);
  }
}
