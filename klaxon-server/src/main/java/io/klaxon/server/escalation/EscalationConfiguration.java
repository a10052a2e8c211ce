package io.klaxon.server.escalation;

import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.cluster.ClusterNode;
import io.klaxon.engine.AlertEngine;
import io.klaxon.escalation.EscalationStore;
import io.klaxon.notify.NotificationStore;
import io.klaxon.server.notify.RoutePolicies;
import io.klaxon.server.oncall.OnCallDirectory;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeFeed;
import io.klaxon.store.jdbc.escalation.JdbcEscalationStore;
import java.time.Duration;
import java.time.InstantSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.ObjectMapper;

/** Wires escalation on the database of the alert store, woken by the engine's commits. */
@Configuration(proxyBeanMethods = false)
class EscalationConfiguration implements WebMvcConfigurer {

  private final ObjectProvider<EscalationPanel> panel;

  EscalationConfiguration(ObjectProvider<EscalationPanel> panel) {
    this.panel = panel;
  }

  @Bean
  EscalationPanel escalationPanel(EscalationStore store, PolicyDirectory policies) {
    return new EscalationPanel(store, policies);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(panel.getObject()).addPathPatterns("/alerts/*");
  }

  @Bean
  EscalationStore escalationStore(
      HikariDataSource klaxonDataSource,
      AlertStore alertStore,
      ObjectProvider<ClusterNode> cluster) {
    // The alert store has migrated the schema (V31 included) by the time it exists. In cluster mode
    // every instance fires steps, its claims in its node's name.
    ClusterNode node = cluster.getIfAvailable();
    return node == null
        ? JdbcEscalationStore.open(klaxonDataSource)
        : JdbcEscalationStore.open(klaxonDataSource, node.nodeName());
  }

  @Bean
  PolicyDirectory policyDirectory(
      NotificationStore store,
      OnCallDirectory onCall,
      RoutePolicies routes,
      ObjectMapper json,
      InstantSource clock) {
    return new PolicyDirectory(store, onCall, routes, json, clock);
  }

  @Bean
  EscalationJob escalationJob(
      EscalationStore store,
      AlertStore alerts,
      PolicyDirectory policies,
      OnCallDirectory onCall,
      RoutePolicies routes,
      NotificationStore outbox,
      AlertEngine engine,
      InstantSource clock,
      @Value("${klaxon.notify.enabled:true}") boolean enabled,
      @Value("${klaxon.notify.poll-interval:1s}") Duration pollInterval,
      @Value("${klaxon.notify.lease:2m}") Duration lease) {
    if (!(alerts instanceof ChangeFeed feed)) {
      throw new IllegalStateException("escalation needs a store with a change feed");
    }
    EscalationJob job =
        new EscalationJob(
            new EscalationFollower(store, feed, routes, policies, clock),
            new StepFiring(store, alerts, policies, onCall, outbox, engine),
            store,
            clock,
            pollInterval,
            lease,
            enabled);
    engine.onCommitted(committed -> job.wake());
    return job;
  }
}
