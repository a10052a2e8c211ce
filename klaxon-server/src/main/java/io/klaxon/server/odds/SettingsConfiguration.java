package io.klaxon.server.odds;

import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.settings.SettingsStore;
import io.klaxon.store.jdbc.settings.JdbcSettingsStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/** The settings store, on the same database as the alerts. */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

  @Bean
  @DependsOn("alertStore") // its migrations create the settings tables
  SettingsStore settingsStore(HikariDataSource klaxonDataSource) {
    return JdbcSettingsStore.open(klaxonDataSource);
  }
}
