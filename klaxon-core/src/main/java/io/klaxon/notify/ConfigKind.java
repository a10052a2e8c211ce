package io.klaxon.notify;

import java.util.Locale;

/** The kinds of notification configuration, and the server secrets kept beside them. */
public enum ConfigKind {
  RECEIVER,
  ROUTE,
  /** A key the server made for itself (the acknowledge-link key); never shown by the API. */
  SECRET,
  /** Someone who can be on call (docs/ONCALL.md). */
  PERSON,
  /** An on-call schedule (docs/ONCALL.md). */
  SCHEDULE,
  /** An escalation policy (docs/ONCALL.md). */
  POLICY,
  /** A named time interval that routes are muted in or active in (docs/ALERTMANAGER.md). */
  TIME_INTERVAL;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
