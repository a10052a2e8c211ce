package io.klaxon.server.suppress;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Silence governance ({@code klaxon.silences.*}, documented in docs/SUPPRESSION.md).
 *
 * @param maxDuration the longest a silence may last from now; unset for no limit
 * @param expiryNotice how long before a silence ends a notice goes through the notification routes;
 *     zero for none
 */
@ConfigurationProperties("klaxon.silences")
record SuppressProperties(
    @Nullable Duration maxDuration, @DefaultValue("15m") Duration expiryNotice) {

  SuppressProperties {
    if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
      throw new IllegalArgumentException("klaxon.silences.max-duration must be positive");
    }
    if (expiryNotice.isNegative()) {
      throw new IllegalArgumentException(
          "klaxon.silences.expiry-notice must be zero (no notices) or positive");
    }
  }
}
