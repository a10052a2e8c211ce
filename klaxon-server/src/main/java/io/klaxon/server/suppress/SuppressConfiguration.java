package io.klaxon.server.suppress;

import io.klaxon.engine.AlertEngine;
import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.suppress.JdbcInhibitRuleStore;
import io.klaxon.store.jdbc.suppress.JdbcMaintenanceWindowStore;
import io.klaxon.store.jdbc.suppress.JdbcSilenceStore;
import io.klaxon.store.jdbc.suppress.JdbcSnoozeStore;
import io.klaxon.suppress.EndingNotices;
import io.klaxon.suppress.InhibitRuleStore;
import io.klaxon.suppress.MaintenanceWindowStore;
import io.klaxon.suppress.SilenceBook;
import io.klaxon.suppress.SilenceStore;
import io.klaxon.suppress.SnoozeStore;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the silence, window, inhibition rule and snooze stores, the silence book, the sweep that
 * marks suppressed alerts and the expiry notices.
 */
@Configuration(proxyBeanMethods = false)
class SuppressConfiguration {

  /** {@code alertStore} is asked for so that its schema migration has run first. */
  @Bean
  SilenceStore silenceStore(DataSource dataSource, AlertStore alertStore) {
    return JdbcSilenceStore.open(dataSource);
  }

  @Bean
  SnoozeStore snoozeStore(DataSource dataSource, AlertStore alertStore) {
    return JdbcSnoozeStore.open(dataSource);
  }

  @Bean
  MaintenanceWindowStore maintenanceWindowStore(DataSource dataSource, AlertStore alertStore) {
    return JdbcMaintenanceWindowStore.open(dataSource);
  }

  @Bean
  InhibitRuleStore inhibitRuleStore(
      DataSource dataSource, AlertStore alertStore, InstantSource clock) {
    return JdbcInhibitRuleStore.open(dataSource, clock);
  }

  @Bean
  SuppressionSweep suppressionSweep(
      SilenceStore store,
      SnoozeStore snoozes,
      MaintenanceWindowStore windows,
      InhibitRuleStore rules,
      AlertEngine engine,
      InstantSource clock) {
    return new SuppressionSweep(store, snoozes, windows, rules, engine, clock);
  }

  @Bean
  SuppressionsInForce suppressionsInForce(
      MaintenanceWindowStore windows,
      InhibitRuleStore rules,
      SnoozeStore snoozes,
      ActiveAlertReader active) {
    return new SuppressionsInForce(windows, rules, snoozes, active);
  }

  @Bean
  ExpiryNoticeJob expiryNoticeJob(
      SuppressProperties properties,
      SilenceStore store,
      MaintenanceWindowStore windows,
      AlertStore alerts,
      AlertEngine engine,
      InstantSource clock) {
    return new ExpiryNoticeJob(
        new EndingNotices(properties.expiryNotice()), store, windows, alerts, engine, clock);
  }

  /** Every change of a silence wakes the sweep and the notices, so it takes effect at once. */
  @Bean
  SilenceBook silenceBook(
      SilenceStore store,
      InstantSource clock,
      SuppressProperties properties,
      SuppressionSweep sweep,
      ExpiryNoticeJob notices) {
    return new SilenceBook(
        store,
        clock,
        properties.maxDuration(),
        silence -> {
          sweep.wake();
          notices.wake();
        });
  }
}
