package io.klaxon.server.oncall;

import io.klaxon.notify.NotificationStore;
import io.klaxon.server.notify.AckLinks;
import java.time.Duration;
import java.time.InstantSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

/** Wires on-call: the acknowledge links' key and lifetime, people and schedules. */
@Configuration(proxyBeanMethods = false)
class OnCallConfiguration {

  @Bean
  AckLinks ackLinks(
      NotificationStore store,
      InstantSource clock,
      @Value("${klaxon.notify.ack-link-ttl:24h}") Duration ttl,
      @Value("${klaxon.notify.ack-link-key:}") @Nullable String key,
      @Value("${klaxon.console.base-url:http://127.0.0.1:8080}") String consoleBaseUrl) {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalStateException("klaxon.notify.ack-link-ttl must be positive");
    }
    return new AckLinks(AckKey.of(key, store, clock), ttl, clock, consoleBaseUrl);
  }

  @Bean
  OnCallDirectory onCallDirectory(NotificationStore store, ObjectMapper json, InstantSource clock) {
    return new OnCallDirectory(store, json, clock);
  }
}
