package io.klaxon.detect.hosts;

import io.klaxon.alert.Severity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the host detector remembers of one check of one server, kept apart from the alerts (seed
 * 002's {@code alert_states}): the counters that decide when an alert opens or resolves, and the
 * alert it has open. The alerts stay the truth about alerts: before every decision the state is
 * {@linkplain Reconcile reconciled} with the engine's active alert for its fingerprint.
 *
 * @param consecutiveBreaches signals in a row at or above the high level (service: down reports)
 * @param consecutiveClears signals in a row under the high level since the alert's last breach
 * @param level where the last signal stood
 * @param lastValue the last metric value; null for offline and service checks
 * @param firstBreachAt when the current run of breaches began; null when there is none
 * @param lastSignalAt the last signal taken in: a sample's or heartbeat's {@code observedAt}, and
 *     for offline the time Klaxon received the last heartbeat; older signals are ignored
 * @param alertSeverity the severity of the open alert; null when none is open
 * @param activeAlertId the open alert's id; null when none is open
 * @param lastAlertAt when the detector last opened or escalated an alert
 * @param lastResolvedAt when the last alert resolved: the start of the cool-down
 */
public record AlertState(
    StateKey key,
    int consecutiveBreaches,
    int consecutiveClears,
    Level level,
    @Nullable Double lastValue,
    @Nullable Instant firstBreachAt,
    @Nullable Instant lastSignalAt,
    @Nullable Severity alertSeverity,
    @Nullable Long activeAlertId,
    @Nullable Instant lastAlertAt,
    @Nullable Instant lastResolvedAt) {

  /** A check that has seen nothing yet. */
  public static AlertState initial(StateKey key) {
    return new AlertState(key, 0, 0, Level.NONE, null, null, null, null, null, null, null);
  }

  /** Whether the detector has an alert open for this check. */
  public boolean alerting() {
    return alertSeverity != null;
  }

  /** The same state with the open alert's id, once the engine has committed it. */
  public AlertState withActiveAlertId(@Nullable Long id) {
    return new AlertState(
        key,
        consecutiveBreaches,
        consecutiveClears,
        level,
        lastValue,
        firstBreachAt,
        lastSignalAt,
        alertSeverity,
        id,
        lastAlertAt,
        lastResolvedAt);
  }
}
