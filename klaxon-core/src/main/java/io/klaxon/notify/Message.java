package io.klaxon.notify;

import io.klaxon.alert.Alert;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a sender formats: the notification, and each of its items with the alert as it stands when
 * sent (null when the alert has been deleted since).
 */
public record Message(Notification notification, List<Entry> entries) {

  public Message {
    entries = List.copyOf(entries);
  }

  /** One item and its alert. */
  public record Entry(NotificationItem item, @Nullable Alert alert) {}
}
