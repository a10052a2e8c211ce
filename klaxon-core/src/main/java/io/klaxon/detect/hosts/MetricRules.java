package io.klaxon.detect.hosts;

import io.klaxon.alert.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules for cpu, memory and disk: pure functions of (state, sample, settings, now).
 *
 * <ul>
 *   <li>A sample at or above the high level is a breach; after {@code consecutive} breaches in a
 *       row an alert opens, at the level of the last sample.
 *   <li>A sample at or above the critical level escalates an open alert below critical.
 *   <li>{@code autoResolveSamples} samples in a row under the high level resolve it.
 *   <li>For {@code coolDownSeconds} after an alert resolved, none opens; breaches are still
 *       counted, and the alert opens once the cool-down is over if the breach persists.
 * </ul>
 */
final class MetricRules {

  private MetricRules() {}

  /** Takes in one sample, which the caller has checked is newer than the state's last one. */
  static Decision onSample(
      AlertState state, double value, Instant observedAt, HostSettings settings, Instant now) {
    HostSettings.Thresholds thresholds = thresholds(state, settings);
    Level level = thresholds.levelOf(value);
    StateDraft next = new StateDraft(state);
    next.level = level;
    next.lastValue = value;
    next.lastSignalAt = observedAt;
    if (level == Level.NONE) {
      next.breaches = 0;
      next.firstBreachAt = null;
      if (!state.alerting()) {
        return Decision.of(next);
      }
      next.clears++;
      if (next.clears < settings.autoResolveSamples()) {
        return Decision.of(next);
      }
      next.resolved(now);
      return Decision.of(
          next,
          new AlertAction.Resolve(
              "under "
                  + percent(thresholds.high())
                  + " for "
                  + (settings.autoResolveSamples() == 1
                      ? "1 sample"
                      : settings.autoResolveSamples() + " samples in a row")));
    }
    if (next.breaches == 0) {
      next.firstBreachAt = observedAt;
    }
    next.breaches++;
    next.clears = 0;
    Severity severity = Objects.requireNonNull(level.severity());
    Double threshold = thresholds.threshold(level);
    if (state.alerting()) {
      if (severity.rank() <= Objects.requireNonNull(state.alertSeverity()).rank()) {
        return Decision.of(next);
      }
      next.alerted(severity, now);
      return Decision.of(next, new AlertAction.Escalate(severity, value, threshold));
    }
    if (next.breaches < thresholds.consecutive() || coolingDown(state, settings, now)) {
      return Decision.of(next);
    }
    next.alerted(severity, now);
    return Decision.of(next, new AlertAction.Open(severity, value, threshold));
  }

  /**
   * Opens the alert that a cool-down held back, once it is over: when the breaches counted are
   * enough and the last sample, which breached, is no older than the offline time (the breach
   * persists as far as Klaxon knows).
   */
  static Decision onTick(AlertState state, HostSettings settings, Instant now) {
    HostSettings.Thresholds thresholds = thresholds(state, settings);
    Instant lastSignal = state.lastSignalAt();
    Severity severity = state.level().severity();
    if (state.alerting()
        || severity == null
        || lastSignal == null
        || state.consecutiveBreaches() < thresholds.consecutive()
        || coolingDown(state, settings, now)
        || lastSignal.plus(settings.offlineAfter()).isBefore(now)) {
      return Decision.keep(state);
    }
    StateDraft next = new StateDraft(state);
    next.alerted(severity, now);
    return Decision.of(
        next,
        new AlertAction.Open(severity, state.lastValue(), thresholds.threshold(state.level())));
  }

  static boolean coolingDown(AlertState state, HostSettings settings, Instant now) {
    Instant resolved = state.lastResolvedAt();
    return resolved != null && now.isBefore(resolved.plus(settings.coolDown()));
  }

  private static HostSettings.Thresholds thresholds(AlertState state, HostSettings settings) {
    Metric metric = state.key().check().metric();
    if (metric == null) {
      throw new IllegalArgumentException("not a metric state: " + state.key());
    }
    return settings.thresholds(metric);
  }

  static String percent(double value) {
    return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value))
        + " %";
  }
}
