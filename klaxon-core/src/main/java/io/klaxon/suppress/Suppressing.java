package io.klaxon.suppress;

import io.klaxon.alert.Alert;

/**
 * Answers whether something suppresses an alert now, before the engine has marked it: the
 * notification planner holds a just-created alert's notifications when a silence already matches.
 */
@FunctionalInterface
public interface Suppressing {

  /** Whether a silence, window, rule or snooze in force now suppresses the alert. */
  boolean holds(Alert alert);
}
