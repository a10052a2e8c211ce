package io.klaxon.notify;

import java.time.Instant;

/** A notification the planner adds to the outbox, with its first item. */
public record NewNotification(
    String idempotencyKey,
    String route,
    String receiver,
    String groupKey,
    Instant createdAt,
    Instant dueAt,
    NotificationItem item) {}
