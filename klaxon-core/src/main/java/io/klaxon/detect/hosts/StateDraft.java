package io.klaxon.detect.hosts;

import io.klaxon.alert.Severity;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A state being changed by a rule: the fields as plain variables, made a record at the end. */
final class StateDraft {

  private final StateKey key;
  int breaches;
  int clears;
  Level level;
  @Nullable Double lastValue;
  @Nullable Instant firstBreachAt;
  @Nullable Instant lastSignalAt;
  @Nullable Severity alertSeverity;
  @Nullable Long activeAlertId;
  @Nullable Instant lastAlertAt;
  @Nullable Instant lastResolvedAt;

  StateDraft(AlertState state) {
    key = state.key();
    breaches = state.consecutiveBreaches();
    clears = state.consecutiveClears();
    level = state.level();
    lastValue = state.lastValue();
    firstBreachAt = state.firstBreachAt();
    lastSignalAt = state.lastSignalAt();
    alertSeverity = state.alertSeverity();
    activeAlertId = state.activeAlertId();
    lastAlertAt = state.lastAlertAt();
    lastResolvedAt = state.lastResolvedAt();
  }

  /** An alert was opened or escalated: its id is known only once the engine committed it. */
  void alerted(Severity severity, Instant now) {
    if (alertSeverity == null) {
      activeAlertId = null;
    }
    alertSeverity = severity;
    lastAlertAt = now;
    clears = 0;
  }

  /** The alert is resolved (or gone): the cool-down starts now. */
  void resolved(Instant now) {
    alertSeverity = null;
    activeAlertId = null;
    lastResolvedAt = now;
    clears = 0;
  }

  AlertState build() {
    return new AlertState(
        key,
        breaches,
        clears,
        level,
        lastValue,
        firstBreachAt,
        lastSignalAt,
        alertSeverity,
        activeAlertId,
        lastAlertAt,
        lastResolvedAt);
  }
}
