package io.klaxon.server.suppress;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Silence governance ({@code klaxon.silences.*}, documented in docs/SUPPRESSION.md).
 *
 * @param maxDuration the longest a silence may last from now; unset for no limit
 */
@ConfigurationProperties("klaxon.silences")
record SuppressProperties(@Nullable Duration maxDuration) {

  SuppressProperties {
    if (maxDuration != null && (maxDuration.isNegative() || maxDuration.isZero())) {
      throw new IllegalArgumentException("klaxon.silences.max-duration must be positive");
    }
  }
}
