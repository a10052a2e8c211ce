package io.klaxon.detect.hosts;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host detector's thresholds and timings, validated: every field error names its field as the
 * API does ({@code cpu.high}, {@code coolDownSeconds}).
 *
 * @param autoResolveSamples samples in a row under the high level that resolve an alert
 * @param coolDownSeconds after an alert resolves, how long the same check opens no new one
 * @param offlineAfterSeconds how long without a heartbeat before a server is offline
 * @param maxClockSkewSeconds how far in the future a signal's time may be (clocks differ)
 * @param autoRegister whether signals from an unknown server register it; else they get 404
 */
public record HostSettings(
    Thresholds cpu,
    Thresholds memory,
    Thresholds disk,
    int autoResolveSamples,
    long coolDownSeconds,
    long offlineAfterSeconds,
    long maxClockSkewSeconds,
    boolean autoRegister) {

  static final int MAX_SAMPLES = 100;
  static final long MAX_SECONDS = Duration.ofDays(7).toSeconds();
  static final long MIN_OFFLINE_SECONDS = 10;
  static final long MAX_SKEW_SECONDS = 3600;

  /**
   * @throws InvalidInput naming every field out of range
   */
  public HostSettings {
    List<FieldError> errors = new ArrayList<>();
    cpu.check("cpu", errors);
    memory.check("memory", errors);
    disk.check("disk", errors);
    range("autoResolveSamples", autoResolveSamples, 1, MAX_SAMPLES, errors);
    range("coolDownSeconds", coolDownSeconds, 0, MAX_SECONDS, errors);
    range("offlineAfterSeconds", offlineAfterSeconds, MIN_OFFLINE_SECONDS, MAX_SECONDS, errors);
    range("maxClockSkewSeconds", maxClockSkewSeconds, 0, MAX_SKEW_SECONDS, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /** Seed 002's defaults: high at 85 % (disk 80 %), critical at 95 %, 3 samples (disk 1). */
  public static HostSettings defaults() {
    return new HostSettings(
        new Thresholds(85, 95, 3),
        new Thresholds(85, 95, 3),
        new Thresholds(80, 95, 1),
        2,
        900,
        180,
        30,
        true);
  }

  public Thresholds thresholds(Metric metric) {
    return switch (metric) {
      case CPU -> cpu;
      case MEMORY -> memory;
      case DISK -> disk;
    };
  }

  public Duration coolDown() {
    return Duration.ofSeconds(coolDownSeconds);
  }

  public Duration offlineAfter() {
    return Duration.ofSeconds(offlineAfterSeconds);
  }

  /** Why a signal's time is refused, if it is: further ahead of {@code now} than the skew. */
  public Optional<String> refuseObservedAt(Instant observedAt, Instant now) {
    if (observedAt.isAfter(now.plusSeconds(maxClockSkewSeconds))) {
      return Optional.of(
          "is in the future ("
              + observedAt
              + "): at most "
              + maxClockSkewSeconds
              + " s ahead of Klaxon's clock ("
              + now
              + ") is accepted");
    }
    return Optional.empty();
  }

  /**
   * One metric's levels, in percent, and how many samples in a row open an alert.
   *
   * @param high a sample at or above it breaches, and an alert opens at high severity
   * @param critical at or above it the alert is (or becomes) critical; above {@code high}
   * @param consecutive breaching samples in a row before an alert opens
   */
  public record Thresholds(double high, double critical, int consecutive) {

    /** Where a value stands. */
    public Level levelOf(double value) {
      return value >= critical ? Level.CRITICAL : value >= high ? Level.HIGH : Level.NONE;
    }

    /** The threshold a level starts at. */
    public double threshold(Level level) {
      return level == Level.CRITICAL ? critical : high;
    }

    void check(String metric, List<FieldError> errors) {
      if (!(high > 0 && high <= 100)) {
        errors.add(
            new FieldError(metric + ".high", "must be above 0 and at most 100, not " + high));
      }
      if (!(critical > high && critical <= 100)) {
        errors.add(
            new FieldError(
                metric + ".critical",
                "must be above "
                    + metric
                    + ".high ("
                    + high
                    + ") and at most 100, not "
                    + critical));
      }
      range(metric + ".consecutive", consecutive, 1, MAX_SAMPLES, errors);
    }
  }

  private static void range(String field, long value, long min, long max, List<FieldError> errors) {
    if (value < min || value > max) {
      errors.add(new FieldError(field, "must be from " + min + " to " + max + ", not " + value));
    }
  }
}
