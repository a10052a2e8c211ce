package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.server.problem.FieldErrors;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The host detector's settings as {@code /api/settings/hosts} reads and writes them: the whole
 * document, every field required on PUT.
 */
record SettingsBody(
    @Nullable Levels cpu,
    @Nullable Levels memory,
    @Nullable Levels disk,
    @Nullable Integer autoResolveSamples,
    @Nullable Long coolDownSeconds,
    @Nullable Long offlineAfterSeconds,
    @Nullable Long maxClockSkewSeconds,
    @Nullable Boolean autoRegister) {

  /** One metric's levels in percent, and the breaches in a row before an alert. */
  record Levels(@Nullable Double high, @Nullable Double critical, @Nullable Integer consecutive) {}

  static SettingsBody of(HostSettings settings) {
    return new SettingsBody(
        levels(settings.cpu()),
        levels(settings.memory()),
        levels(settings.disk()),
        settings.autoResolveSamples(),
        settings.coolDownSeconds(),
        settings.offlineAfterSeconds(),
        settings.maxClockSkewSeconds(),
        settings.autoRegister());
  }

  /**
   * The settings this document gives.
   *
   * @throws io.klaxon.problem.InvalidInput naming every field missing or out of range
   */
  HostSettings toSettings() {
    FieldErrors faults = new FieldErrors();
    boolean complete = levels("cpu", cpu, faults);
    complete &= levels("memory", memory, faults);
    complete &= levels("disk", disk, faults);
    complete &= faults.require("autoResolveSamples", autoResolveSamples);
    complete &= faults.require("coolDownSeconds", coolDownSeconds);
    complete &= faults.require("offlineAfterSeconds", offlineAfterSeconds);
    complete &= faults.require("maxClockSkewSeconds", maxClockSkewSeconds);
    complete &= faults.require("autoRegister", autoRegister);
    faults.throwIfAny();
    HostSettings settings =
        complete
            ? faults.attempt(
                "",
                () ->
                    new HostSettings(
                        thresholds(cpu),
                        thresholds(memory),
                        thresholds(disk),
                        Objects.requireNonNull(autoResolveSamples),
                        Objects.requireNonNull(coolDownSeconds),
                        Objects.requireNonNull(offlineAfterSeconds),
                        Objects.requireNonNull(maxClockSkewSeconds),
                        Objects.requireNonNull(autoRegister)))
            : null;
    faults.throwIfAny();
    return Objects.requireNonNull(settings);
  }

  private static Levels levels(HostSettings.Thresholds thresholds) {
    return new Levels(thresholds.high(), thresholds.critical(), thresholds.consecutive());
  }

  private static boolean levels(String metric, @Nullable Levels levels, FieldErrors faults) {
    if (!faults.require(metric, levels)) {
      return false;
    }
    Levels given = Objects.requireNonNull(levels);
    boolean complete = faults.require(metric + ".high", given.high());
    complete &= faults.require(metric + ".critical", given.critical());
    complete &= faults.require(metric + ".consecutive", given.consecutive());
    return complete;
  }

  private static HostSettings.Thresholds thresholds(@Nullable Levels levels) {
    Levels given = Objects.requireNonNull(levels);
    return new HostSettings.Thresholds(
        Objects.requireNonNull(given.high()),
        Objects.requireNonNull(given.critical()),
        Objects.requireNonNull(given.consecutive()));
  }
}
