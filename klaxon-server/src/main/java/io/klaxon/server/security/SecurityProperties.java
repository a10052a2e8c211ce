package io.klaxon.server.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code klaxon.security.*}); documented in docs/SECURITY.md.
 *
 * @param enabled authentication and scopes; {@code false} only for local experiments, and then only
 *     with a loopback {@code server.address}
 * @param bootstrapKey an admin key text ({@code klx_<id>_<secret>}) stored at start when its id is
 *     not stored yet; when set, no random first key is made
 * @param keyCacheTtl how long a verified key is trusted without looking at the store again (a
 *     revoke through the API takes effect at once, one through the command line within this)
 * @param rateLimit requests per key
 */
@ConfigurationProperties("klaxon.security")
public record SecurityProperties(
    @DefaultValue("true") boolean enabled,
    @Nullable String bootstrapKey,
    @DefaultValue("30s") Duration keyCacheTtl,
    @DefaultValue RateLimit rateLimit) {

  /**
   * Token buckets per key, one for ingest and one for the rest of the API.
   *
   * @param ingestPerSecond ingest requests a key may send per second, sustained
   * @param ingestBurst ingest requests a key may send at once
   * @param apiPerSecond other API requests a key may send per second, sustained
   * @param apiBurst other API requests a key may send at once
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("500") long ingestPerSecond,
      @DefaultValue("2000") long ingestBurst,
      @DefaultValue("50") long apiPerSecond,
      @DefaultValue("300") long apiBurst) {}
}
