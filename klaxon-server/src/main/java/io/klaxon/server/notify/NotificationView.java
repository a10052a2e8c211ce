package io.klaxon.server.notify;

import io.klaxon.notify.Attempt;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationItem;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A notification as the API shows it: its items, and every attempt to deliver it. */
record NotificationView(
    long id,
    String idempotencyKey,
    String route,
    String receiver,
    String groupKey,
    String status,
    Instant createdAt,
    Instant dueAt,
    @Nullable Instant nextAttemptAt,
    int attemptCount,
    @Nullable String lastError,
    List<ItemView> items,
    List<AttemptView> attempts) {

  /** One alert change carried. */
  record ItemView(
      long alertId, String occasion, String severity, String status, String title, Instant at) {}

  /**
   * One try: outcome {@code delivered} or {@code failed}, the receiver's code, how long it took.
   */
  record AttemptView(
      Instant at,
      String receiver,
      String outcome,
      @Nullable Integer statusCode,
      long latencyMillis,
      @Nullable String error) {}

  static NotificationView of(Notification n, List<Attempt> attempts) {
    return new NotificationView(
        n.id(),
        n.idempotencyKey(),
        n.route(),
        n.receiver(),
        n.groupKey(),
        n.status().word(),
        n.createdAt(),
        n.dueAt(),
        n.status() == io.klaxon.notify.NotificationStatus.PENDING ? n.nextAttemptAt() : null,
        n.attempts(),
        n.lastError(),
        n.items().stream().map(NotificationView::item).toList(),
        attempts.stream()
            .filter(a -> a.notificationId() == n.id())
            .map(NotificationView::attempt)
            .toList());
  }

  private static ItemView item(NotificationItem i) {
    return new ItemView(
        i.alertId(),
        i.occasion().word(),
        i.severity().word(),
        i.status().word(),
        i.title(),
        i.at());
  }

  private static AttemptView attempt(Attempt a) {
    return new AttemptView(
        a.at(),
        a.receiver(),
        a.delivered() ? "delivered" : "failed",
        a.statusCode(),
        a.latency().toMillis(),
        a.error());
  }
}
