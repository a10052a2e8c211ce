package io.klaxon.store.jdbc.notify;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.notify.Attempt;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.NotificationStatus;
import io.klaxon.notify.Occasion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;

/** Reads notifications with their items, and attempts, from the V8 tables. */
final class NotificationReader {

  private final NotificationTables tables;

  NotificationReader(NotificationTables tables) {
    this.tables = tables;
  }

  /** The notifications that meet {@code condition}, in {@code order}, with their items. */
  List<Notification> notifications(
      DSLContext dsl, Condition condition, SortField<?> order, int limit, int offset) {
    NotificationTables.Notifications n = tables.notifications;
    Map<Long, Record> rows = new LinkedHashMap<>();
    for (Record row :
        dsl.select(n.columns())
            .from(n.table)
            .where(condition)
            .orderBy(order)
            .limit(limit)
            .offset(offset)
            .fetch()) {
      rows.put(row.get(n.id), row);
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<NotificationItem>> items = items(dsl, List.copyOf(rows.keySet()));
    List<Notification> notifications = new ArrayList<>(rows.size());
    for (Record row : rows.values()) {
      long id = row.get(n.id);
      notifications.add(
          new Notification(
              id,
              row.get(n.idempotencyKey),
              row.get(n.route),
              row.get(n.receiver),
              row.get(n.groupKey),
              NotificationStatus.ofWord(row.get(n.status)),
              row.get(n.createdAt),
              row.get(n.dueAt),
              row.get(n.nextAttemptAt),
              row.get(n.attempts),
              row.get(n.firstAttemptAt),
              row.get(n.lastError),
              items.getOrDefault(id, List.of())));
    }
    return notifications;
  }

  private Map<Long, List<NotificationItem>> items(DSLContext dsl, List<Long> ids) {
    NotificationTables.Items i = tables.items;
    Map<Long, List<NotificationItem>> items = new LinkedHashMap<>();
    for (Record row :
        dsl.select(i.columns())
            .from(i.table)
            .where(i.notificationId.in(ids))
            .orderBy(i.notificationId, i.seq)
            .fetch()) {
      items
          .computeIfAbsent(row.get(i.notificationId), id -> new ArrayList<>())
          .add(
              new NotificationItem(
                  row.get(i.alertId),
                  Occasion.ofWord(row.get(i.occasion)),
                  Severity.parse(row.get(i.severity)),
                  AlertStatus.parse(row.get(i.status)),
                  row.get(i.title),
                  row.get(i.at)));
    }
    return items;
  }

  List<Attempt> attempts(DSLContext dsl, List<Long> notificationIds) {
    if (notificationIds.isEmpty()) {
      return List.of();
    }
    NotificationTables.Attempts a = tables.attempts;
    return dsl.select(a.columns())
        .from(a.table)
        .where(a.notificationId.in(notificationIds))
        .orderBy(a.id)
        .fetch(
            row ->
                new Attempt(
                    row.get(a.notificationId),
                    row.get(a.receiver),
                    row.get(a.at),
                    row.get(a.delivered),
                    row.get(a.statusCode),
                    Duration.ofNanos(row.get(a.latencyMicros) * 1000),
                    row.get(a.error)));
  }
}
