package io.klaxon.notify;

import java.util.Locale;

/** The two kinds of notification configuration. */
public enum ConfigKind {
  RECEIVER,
  ROUTE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
