package io.klaxon.server.escalation;

import io.klaxon.alert.Alert;

/**
 * Whether an alert may be escalated as far as suppression goes (silences, maintenance windows,
 * inhibition, snoozes: docs/SUPPRESSION.md): the one place escalation asks.
 */
final class Suppression {

  private Suppression() {}

  /** True unless something suppresses the alert now. */
  static boolean notSuppressed(Alert alert) {
    return !alert.suppressed();
  }
}
