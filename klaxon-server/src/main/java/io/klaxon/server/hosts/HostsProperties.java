package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The host detector's configuration ({@code klaxon.hosts.*}, documented in docs/HOSTS.md). The
 * thresholds and timings are the defaults until settings are saved with {@code PUT
 * /api/settings/hosts}; a metric's level left unset takes seed 002's default.
 *
 * @param checkInterval how often the offline check (and cool-down ends) runs
 * @param sampleRetention how long a server's metric history is kept (issue 18)
 * @param sampleRollupAfter how long every sample is kept before it is folded into one-minute
 *     min/avg/max rows
 * @param sampleRetentionInterval how often the history's roll-up and retention run
 */
@ConfigurationProperties("klaxon.hosts")
record HostsProperties(
    @DefaultValue Levels cpu,
    @DefaultValue Levels memory,
    @DefaultValue Levels disk,
    @DefaultValue("2") int autoResolveSamples,
    @DefaultValue("15m") Duration coolDown,
    @DefaultValue("180s") Duration offlineAfter,
    @DefaultValue("30s") Duration maxClockSkew,
    @DefaultValue("true") boolean autoRegister,
    @DefaultValue("10s") Duration checkInterval,
    @DefaultValue("7d") Duration sampleRetention,
    @DefaultValue("1d") Duration sampleRollupAfter,
    @DefaultValue("10m") Duration sampleRetentionInterval) {

  /** The metric history's periods must be positive, and its samples kept at most as long. */
  HostsProperties {
    List<FieldError> errors = new ArrayList<>();
    positive("sample-retention", sampleRetention, errors);
    positive("sample-rollup-after", sampleRollupAfter, errors);
    positive("sample-retention-interval", sampleRetentionInterval, errors);
    if (errors.isEmpty() && sampleRollupAfter.compareTo(sampleRetention) > 0) {
      errors.add(
          new FieldError(
              "klaxon.hosts.sample-rollup-after",
              "must not be longer than klaxon.hosts.sample-retention (" + sampleRetention + ")"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  private static void positive(String name, Duration value, List<FieldError> errors) {
    if (value.isNegative() || value.isZero()) {
      errors.add(new FieldError("klaxon.hosts." + name, "must be positive, not " + value));
    }
  }

  /** One metric's levels in percent, and breaches in a row before an alert; unset = default. */
  record Levels(@Nullable Double high, @Nullable Double critical, @Nullable Integer consecutive) {

    HostSettings.Thresholds or(HostSettings.Thresholds defaults) {
      return new HostSettings.Thresholds(
          high == null ? defaults.high() : high,
          critical == null ? defaults.critical() : critical,
          consecutive == null ? defaults.consecutive() : consecutive);
    }
  }

  /**
   * The settings these properties give.
   *
   * @throws io.klaxon.problem.InvalidInput naming each setting out of range (start-up fails)
   */
  HostSettings settings() {
    HostSettings seed = HostSettings.defaults();
    return new HostSettings(
        cpu.or(seed.cpu()),
        memory.or(seed.memory()),
        disk.or(seed.disk()),
        autoResolveSamples,
        coolDown.toSeconds(),
        offlineAfter.toSeconds(),
        maxClockSkew.toSeconds(),
        autoRegister);
  }
}
