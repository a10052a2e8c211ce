package io.klaxon.server.suppress;

import io.klaxon.engine.AlertEngine;
import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.suppress.JdbcSilenceStore;
import io.klaxon.store.jdbc.suppress.JdbcSnoozeStore;
import io.klaxon.suppress.EndingNotices;
import io.klaxon.suppress.SilenceBook;
import io.klaxon.suppress.SilenceStore;
import io.klaxon.suppress.SnoozeStore;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the silence store, the silence book, the sweep that marks suppressed alerts and the expiry
 * notices.
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
  SuppressionSweep suppressionSweep(
      SilenceStore store, SnoozeStore snoozes, AlertEngine engine, InstantSource clock) {
    return new SuppressionSweep(store, snoozes, engine, clock);
  }

  @Bean
  ExpiryNoticeJob expiryNoticeJob(
      SuppressProperties properties,
      SilenceStore store,
      AlertStore alerts,
      AlertEngine engine,
      InstantSource clock) {
    return new ExpiryNoticeJob(
        new EndingNotices(properties.expiryNotice()), store, alerts, engine, clock);
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
