package io.klaxon.server.notify;

import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.cluster.ClusterNode;
import io.klaxon.engine.AlertEngine;
import io.klaxon.notify.Backoff;
import io.klaxon.notify.Dispatcher;
import io.klaxon.notify.NotificationStore;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeFeed;
import io.klaxon.store.jdbc.notify.JdbcNotificationStore;
import io.klaxon.suppress.InhibitRuleStore;
import io.klaxon.suppress.Suppressing;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.InstantSource;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Wires notifications on the database of the alert store, woken by the engine's commits. */
@Configuration(proxyBeanMethods = false)
class NotifyConfiguration {

  @Bean
  NotificationStore notificationStore(
      HikariDataSource klaxonDataSource,
      AlertStore alertStore,
      ObjectProvider<ClusterNode> cluster) {
    // The alert store has migrated the schema (V8 included) by the time it exists. In cluster mode
    // every instance dispatches, its claims in its node's name.
    ClusterNode node = cluster.getIfAvailable();
    return node == null
        ? JdbcNotificationStore.open(klaxonDataSource)
        : JdbcNotificationStore.open(klaxonDataSource, node.nodeName());
  }

  /** The outbox as meters: pending notifications and dead letters, read at each scrape. */
  @Bean
  MeterBinder notificationMeters(NotificationStore store) {
    return registry -> {
      Gauge.builder("klaxon.notifications.pending", store, NotificationStore::pendingCount)
          .description("notifications waiting to be sent or retried")
          .register(registry);
      Gauge.builder("klaxon.notifications.dead", store, NotificationStore::deadLetterCount)
          .description("notifications given up on (dead letters)")
          .register(registry);
    };
  }

  /** The notification attempts, shown in every alert's history. */
  @Bean
  NotificationHistory notificationHistory(NotificationStore store) {
    return new NotificationHistory(store);
  }

  @Bean
  TargetGuard notifyTargetGuard(NotifyProperties properties) {
    return new TargetGuard(properties.allowedHosts());
  }

  @Bean
  NotifyConfig notifyConfig(
      NotificationStore store,
      ObjectMapper json,
      TargetGuard guard,
      InstantSource clock,
      NotifyProperties properties,
      InhibitRuleStore inhibitRules) {
    NotifyConfig config = new NotifyConfig(store, json, guard, clock);
    if (properties.configFile() != null) {
      new ConfigFile(config, inhibitRules).apply(properties.configFile());
    }
    return config;
  }

  @Bean
  AlertmanagerImport alertmanagerImport(
      NotifyConfig config, InhibitRuleStore inhibitRules, ObjectMapper json) {
    return new AlertmanagerImport(config, inhibitRules, json);
  }

  @Bean
  RoutePolicies routePolicies(NotifyConfig config) {
    return new RoutePolicies(config);
  }

  @Bean
  Payloads notifyPayloads(
      ObjectMapper json,
      @Value("${klaxon.console.base-url:http://127.0.0.1:8080}") String consoleBaseUrl,
      AckLinks ackLinks) {
    return new Payloads(json, consoleBaseUrl, ackLinks);
  }

  @Bean
  Senders notifySenders(
      Payloads payloads, TargetGuard guard, NotifyProperties properties, InstantSource clock) {
    return new Senders(
        payloads,
        new HttpDelivery(properties.connectTimeout(), properties.sendTimeout(), clock),
        new EmailDelivery(payloads, properties.connectTimeout(), properties.sendTimeout()),
        guard);
  }

  @Bean(destroyMethod = "close")
  ExecutorService notifySendExecutor() {
    return Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("klaxon-notify-send-", 0).factory());
  }

  @Bean
  Dispatcher notifyDispatcher(
      NotificationStore store,
      NotifyConfig config,
      Senders senders,
      AlertStore alerts,
      InstantSource clock,
      ExecutorService notifySendExecutor,
      NotifyProperties properties) {
    NotifyProperties.Retry retry = properties.retry();
    return new Dispatcher(
        new Dispatcher.Parts(
            store,
            config::receiver,
            senders,
            alerts::findById,
            clock,
            new Random(),
            notifySendExecutor),
        new Backoff(retry.initial(), retry.max(), retry.multiplier(), retry.giveUpAfter()),
        properties.lease());
  }

  @Bean
  NotificationJob notificationJob(
      NotificationStore store,
      AlertStore alerts,
      NotifyConfig config,
      Dispatcher dispatcher,
      InstantSource clock,
      NotifyProperties properties,
      AlertEngine engine,
      Suppressing suppressing) {
    if (!(alerts instanceof ChangeFeed feed)) {
      throw new IllegalStateException("notifications need a store with a change feed");
    }
    NotificationJob job =
        new NotificationJob(
            store, feed, alerts, config, dispatcher, clock, properties, suppressing::holds);
    engine.onCommitted(committed -> job.wake());
    return job;
  }
}
