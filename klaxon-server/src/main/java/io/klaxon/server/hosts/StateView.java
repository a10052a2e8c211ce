package io.klaxon.server.hosts;

import io.klaxon.alert.Severity;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.HostAlerts;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One alert state as the API shows it (see {@link AlertState} for the fields). */
record StateView(
    String type,
    @Nullable String service,
    String fingerprint,
    int consecutiveBreaches,
    int consecutiveClears,
    String level,
    @Nullable Double lastValue,
    @Nullable Instant firstBreachAt,
    @Nullable Instant lastSignalAt,
    @Nullable String alertSeverity,
    @Nullable Long activeAlertId,
    @Nullable Instant lastAlertAt,
    @Nullable Instant lastResolvedAt) {

  static StateView of(AlertState state) {
    Severity severity = state.alertSeverity();
    String service = state.key().service();
    return new StateView(
        state.key().check().word(),
        service.isEmpty() ? null : service,
        HostAlerts.fingerprint(state.key()),
        state.consecutiveBreaches(),
        state.consecutiveClears(),
        state.level().word(),
        state.lastValue(),
        state.firstBreachAt(),
        state.lastSignalAt(),
        severity == null ? null : severity.word(),
        state.activeAlertId(),
        state.lastAlertAt(),
        state.lastResolvedAt());
  }
}
