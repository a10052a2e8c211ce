package io.klaxon.server.jobs;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How scheduled jobs share the database with other instances ({@code klaxon.jobs.*}).
 *
 * @param leaseTtl how long a job's lease lasts unless renewed: a crashed instance's jobs are taken
 *     over by another instance after this long
 * @param instance this instance's name in the leases; host, process id and a random part if unset
 */
@ConfigurationProperties("klaxon.jobs")
record JobsProperties(@DefaultValue("2m") Duration leaseTtl, @Nullable String instance) {

  JobsProperties {
    if (leaseTtl.isNegative() || leaseTtl.isZero()) {
      throw new IllegalArgumentException("klaxon.jobs.lease-ttl must be positive, not " + leaseTtl);
    }
  }
}
