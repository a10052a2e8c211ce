package io.klaxon.server.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The retention job's schedule ({@code klaxon.retention.*}); how long alerts are kept is the {@code
 * alertRetentionDays} setting.
 *
 * @param interval time between rounds
 * @param batchSize alerts deleted per transaction; a round goes on batch after batch until none is
 *     left
 * @param logEvery during a long round, the progress (purged, left) is logged this often
 */
@ConfigurationProperties("klaxon.retention")
record RetentionProperties(
    @DefaultValue("1h") Duration interval,
    @DefaultValue("1000") int batchSize,
    @DefaultValue("10s") Duration logEvery) {

  RetentionProperties {
    if (batchSize < 1 || batchSize > 20_000) {
      throw new IllegalArgumentException(
          "klaxon.retention.batch-size must be between 1 and 20000, not " + batchSize);
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("klaxon.retention.interval must be positive");
    }
  }
}
