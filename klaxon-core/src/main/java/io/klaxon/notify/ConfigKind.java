package io.klaxon.notify;

import java.util.Locale;

/** The kinds of notification configuration, and the server secrets kept beside them. */
public enum ConfigKind {
  RECEIVER,
  ROUTE,
  /** A key the server made for itself (the acknowledge-link key); never shown by the API. */
  SECRET;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
