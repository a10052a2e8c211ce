package io.klaxon.server.mapping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry's settings ({@code klaxon.mappings.*}); documented in docs/MAPPINGS.md.
 *
 * @param refreshInterval how often the lookup cache checks the database for changes made by other
 *     instances (changes made here reload it at once)
 * @param flushInterval how often buffered unmapped-market sightings are written
 */
@ConfigurationProperties("klaxon.mappings")
record MappingProperties(
    @DefaultValue("5s") Duration refreshInterval, @DefaultValue("1s") Duration flushInterval) {

  MappingProperties {
    if (refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("klaxon.mappings.refresh-interval must be positive");
    }
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("klaxon.mappings.flush-interval must be positive");
    }
  }
}
