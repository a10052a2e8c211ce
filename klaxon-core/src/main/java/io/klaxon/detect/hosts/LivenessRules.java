package io.klaxon.detect.hosts;

import io.klaxon.alert.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * The rules for offline and service checks: pure functions of (state, signal, settings, now).
 *
 * <ul>
 *   <li>{@code offline} (critical) opens when no heartbeat came for {@code offlineAfterSeconds},
 *       and resolves with the next heartbeat. Only servers that have sent a heartbeat are watched.
 *   <li>{@code service_down} (high) opens when a heartbeat reports the service down, and resolves
 *       when one reports it up. A service a heartbeat leaves out keeps its state.
 *   <li>One alert per outage: an alert closed by hand while the server stays silent (or the service
 *       down) is not opened again until the server has been heard (the service up).
 * </ul>
 */
final class LivenessRules {

  private LivenessRules() {}

  /** A heartbeat arrived: the server is alive as of {@code now}, when Klaxon heard it. */
  static Decision onHeartbeat(AlertState offline, Instant now) {
    StateDraft next = new StateDraft(offline);
    next.lastSignalAt = now;
    next.level = Level.NONE;
    next.breaches = 0;
    next.firstBreachAt = null;
    if (!offline.alerting()) {
      return Decision.of(next);
    }
    next.resolved(now);
    return Decision.of(next, new AlertAction.Resolve("heartbeat received"));
  }

  /** The clock moved: a server silent for too long is offline. */
  static Decision onTick(AlertState offline, HostSettings settings, Instant now) {
    Instant lastHeard = offline.lastSignalAt();
    Instant closed = offline.lastResolvedAt();
    if (offline.alerting()
        || lastHeard == null
        || now.isBefore(lastHeard.plus(settings.offlineAfter()))
        || (closed != null && closed.isAfter(lastHeard))) { // this silence had its alert
      return Decision.keep(offline);
    }
    StateDraft next = new StateDraft(offline);
    next.level = Level.CRITICAL;
    next.breaches = 1;
    next.firstBreachAt = now;
    next.alerted(Severity.CRITICAL, now);
    double silentSeconds = Duration.between(lastHeard, now).toSeconds();
    return Decision.of(
        next,
        new AlertAction.Open(
            Severity.CRITICAL, silentSeconds, (double) settings.offlineAfterSeconds()));
  }

  /** A heartbeat reported a service, which the caller has checked is newer than the last. */
  static Decision onService(
      AlertState service, ServiceStatus status, Instant observedAt, Instant now) {
    StateDraft next = new StateDraft(service);
    next.lastSignalAt = observedAt;
    if (status == ServiceStatus.UP) {
      next.level = Level.NONE;
      next.breaches = 0;
      next.firstBreachAt = null;
      if (!service.alerting()) {
        return Decision.of(next);
      }
      next.resolved(now);
      return Decision.of(next, new AlertAction.Resolve("service reported up"));
    }
    next.level = Level.HIGH;
    boolean wentDown = next.breaches == 0;
    if (wentDown) {
      next.firstBreachAt = observedAt;
    }
    next.breaches++;
    if (service.alerting() || !wentDown) { // still down: its alert is open, or was closed by hand
      return Decision.of(next);
    }
    next.alerted(Severity.HIGH, now);
    return Decision.of(next, new AlertAction.Open(Severity.HIGH, null, null));
  }
}
