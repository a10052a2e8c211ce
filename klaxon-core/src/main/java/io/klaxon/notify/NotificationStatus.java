package io.klaxon.notify;

import java.util.Locale;

/** Where a notification is: waiting to be (re)sent, delivered, or given up on (a dead letter). */
public enum NotificationStatus {
  PENDING,
  DELIVERED,
  DEAD;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NotificationStatus ofWord(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }
}
