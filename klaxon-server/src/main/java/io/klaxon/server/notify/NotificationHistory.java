package io.klaxon.server.notify;

import io.klaxon.notify.Attempt;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.NotificationStore;
import io.klaxon.server.alert.HistoryAppendix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every attempt to notify about an alert, as entries of the alert's history: action {@code
 * notified} or {@code notification_failed}, actor {@code notify:<receiver>}, and a note with the
 * occasions, route, status code, latency and error.
 */
final class NotificationHistory implements HistoryAppendix {

  static final String NOTIFIED = "notified";
  static final String FAILED = "notification_failed";

  private final NotificationStore store;

  NotificationHistory(NotificationStore store) {
    this.store = store;
  }

  @Override
  public List<Entry> entriesOf(long alertId) {
    List<Notification> notifications = store.notificationsOfAlert(alertId);
    if (notifications.isEmpty()) {
      return List.of();
    }
    Map<Long, Notification> byId =
        notifications.stream().collect(Collectors.toMap(Notification::id, Function.identity()));
    List<Entry> entries = new ArrayList<>();
    for (Attempt attempt : store.attempts(List.copyOf(byId.keySet()))) {
      // attempts were asked for these notifications only
      Notification notification = Objects.requireNonNull(byId.get(attempt.notificationId()));
      String occasions =
          notification.items().stream()
              .filter(item -> item.alertId() == alertId)
              .map(NotificationItem::occasion)
              .map(occasion -> occasion.word())
              .distinct()
              .collect(Collectors.joining(", "));
      String outcome =
          (attempt.statusCode() == null ? "no answer" : "status " + attempt.statusCode())
              + " in "
              + attempt.latency().toMillis()
              + " ms"
              + (attempt.error() == null ? "" : ": " + attempt.error());
      entries.add(
          new Entry(
              attempt.at(),
              "notify:" + attempt.receiver(),
              attempt.delivered() ? NOTIFIED : FAILED,
              occasions
                  + " via route "
                  + notification.route()
                  + " (notification "
                  + notification.id()
                  + "), "
                  + outcome));
    }
    return entries;
  }
}
