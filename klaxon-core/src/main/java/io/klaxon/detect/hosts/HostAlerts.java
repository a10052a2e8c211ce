package io.klaxon.detect.hosts;

import io.klaxon.access.Actor;
import io.klaxon.alert.Fingerprint;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertRef;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The alerts of the host detector: their fingerprints (one per server and check, and per service)
 * and the commands that open, escalate and resolve them. Source and actor are {@code hosts}.
 */
public final class HostAlerts {

  /** The source, and the actor in the alerts' history. */
  public static final String SOURCE = "hosts";

  private HostAlerts() {}

  /**
   * {@code hosts|server/{id}|{type}}, and for a service {@code
   * hosts|server/{id}|service_down/{name}} (the alert's type stays {@code service_down}; the name
   * is an attribute).
   */
  public static String fingerprint(StateKey key) {
    String kind =
        key.check() == HostCheck.SERVICE_DOWN
            ? key.check().word() + "/" + key.service()
            : key.check().word();
    return Fingerprint.of(null, SOURCE, Subject.of(Server.SUBJECT_TYPE, key.server(), null), kind);
  }

  static AlertCommand command(Server server, StateKey key, AlertAction action, Instant occurredAt) {
    return switch (action) {
      case AlertAction.Open open ->
          trigger(server, key, open.severity(), open.value(), open.threshold(), occurredAt);
      case AlertAction.Escalate up ->
          trigger(server, key, up.severity(), up.value(), up.threshold(), occurredAt);
      case AlertAction.Resolve resolve ->
          new AlertCommand.Change(
              AlertRef.fingerprint(fingerprint(key)),
              Transition.RESOLVE,
              Actor.of(SOURCE),
              resolve.reason(),
              true);
    };
  }

  private static AlertCommand.Trigger trigger(
      Server server,
      StateKey key,
      Severity severity,
      @Nullable Double value,
      @Nullable Double threshold,
      Instant occurredAt) {
    Map<String, Object> attributes =
        key.check() == HostCheck.SERVICE_DOWN ? Map.of("service", key.service()) : Map.of();
    return new AlertCommand.Trigger(
        fingerprint(key),
        SOURCE,
        key.check().word(),
        severity,
        title(server, key, severity),
        message(key, value, threshold),
        server.subject(),
        value,
        threshold,
        null,
        attributes,
        occurredAt,
        null,
        Actor.of(SOURCE));
  }

  private static String title(Server server, StateKey key, Severity severity) {
    String name = server.displayName();
    return switch (key.check()) {
      case CPU -> "CPU " + severity.word() + " on " + name;
      case MEMORY -> "Memory " + severity.word() + " on " + name;
      case DISK -> "Disk " + severity.word() + " on " + name;
      case OFFLINE -> name + " is offline";
      case SERVICE_DOWN -> "Service " + key.service() + " is down on " + name;
    };
  }

  private static @Nullable String message(
      StateKey key, @Nullable Double value, @Nullable Double threshold) {
    if (value == null || threshold == null) {
      return null;
    }
    if (key.check() == HostCheck.OFFLINE) {
      return "no heartbeat for "
          + value.longValue()
          + " s (offline after "
          + threshold.longValue()
          + " s)";
    }
    return key.check().word()
        + " at "
        + MetricRules.percent(value)
        + ", at or above "
        + MetricRules.percent(threshold);
  }
}
