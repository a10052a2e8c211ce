package io.klaxon.detect.hosts;

import io.klaxon.alert.Severity;
import org.jspecify.annotations.Nullable;

/**
 * What a rule decided to do with a check's alert; {@link HostAlerts} turns it into an alert command
 * about the server.
 */
sealed interface AlertAction {

  /** Open an alert; {@code value} and {@code threshold} are the numbers that crossed. */
  record Open(Severity severity, @Nullable Double value, @Nullable Double threshold)
      implements AlertAction {}

  /** Raise the open alert's severity. */
  record Escalate(Severity severity, @Nullable Double value, @Nullable Double threshold)
      implements AlertAction {}

  /** Resolve the open alert automatically, saying why. */
  record Resolve(String reason) implements AlertAction {}
}
