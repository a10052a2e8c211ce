package io.klaxon.server.lake;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Delta Lake sink's settings ({@code klaxon.lake.*}); see docs/LAKE.md.
 *
 * @param path directory of the alert-change Delta table; unset, the sink is off
 * @param batchSize most changes read from the feed and appended in one Delta commit
 * @param pollInterval how often the sink looks for changes when no commit woke it, and how long it
 *     waits after a failure
 */
@ConfigurationProperties("klaxon.lake")
public record LakeProperties(
    @Nullable Path path,
    @DefaultValue("5000") int batchSize,
    @DefaultValue("5s") Duration pollInterval) {

  public LakeProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "klaxon.lake.batch-size must be at least 1, was " + batchSize);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException(
          "klaxon.lake.poll-interval must be positive, was " + pollInterval);
    }
  }
}
