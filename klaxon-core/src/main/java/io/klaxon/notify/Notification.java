package io.klaxon.notify;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message to one receiver, carrying one or more alert changes of one group.
 *
 * @param idempotencyKey the same on every attempt, so a receiver can drop a duplicate delivery
 * @param dueAt when it was planned to go first (grouping spaces a group's notifications by it)
 * @param nextAttemptAt when the dispatcher sends it next, while pending
 * @param attempts how many sends were tried
 * @param firstAttemptAt when the first send was tried; the give-up time counts from it
 */
public record Notification(
    long id,
    String idempotencyKey,
    String route,
    String receiver,
    String groupKey,
    NotificationStatus status,
    Instant createdAt,
    Instant dueAt,
    Instant nextAttemptAt,
    int attempts,
    @Nullable Instant firstAttemptAt,
    @Nullable String lastError,
    List<NotificationItem> items) {

  public Notification {
    items = List.copyOf(items);
  }
}
