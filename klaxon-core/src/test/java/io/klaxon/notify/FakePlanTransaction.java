package io.klaxon.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The outbox in memory, for planner tests: notifications, their seal, reminders, the cursor. */
final class FakePlanTransaction implements NotificationStore.PlanTransaction {

  /** One notification as the fake keeps it. */
  static final class Row {
    final long id;
    final NewNotification planned;
    final List<NotificationItem> items = new ArrayList<>();
    boolean sealed;

    Row(long id, NewNotification planned) {
      this.id = id;
      this.planned = planned;
      items.add(planned.item());
    }

    String alertIdAndReceiver() {
      return planned.item().alertId() + ">" + planned.receiver();
    }

    Instant due() {
      return planned.dueAt();
    }
  }

  final List<Row> rows = new ArrayList<>();
  final Map<String, Repeat> repeats = new LinkedHashMap<>();
  long cursor;

  @Override
  public long cursor() {
    return cursor;
  }

  @Override
  public void advance(long position) {
    cursor = Math.max(cursor, position);
  }

  private List<Row> group(String route, String receiver, String key) {
    return rows.stream()
        .filter(
            r ->
                r.planned.route().equals(route)
                    && r.planned.receiver().equals(receiver)
                    && r.planned.groupKey().equals(key))
        .toList();
  }

  @Override
  public Optional<NotificationStore.Gathering> gathering(
      String route, String receiver, String key, Instant notAfter) {
    return group(route, receiver, key).stream()
        .filter(r -> !r.sealed && !r.due().isAfter(notAfter))
        .max(Comparator.comparing(Row::due).thenComparingLong(r -> r.id))
        .map(r -> new NotificationStore.Gathering(r.id, r.due()));
  }

  @Override
  public Optional<Instant> lastDue(String route, String receiver, String key) {
    return group(route, receiver, key).stream()
        .filter(r -> r.sealed)
        .map(Row::due)
        .max(Comparator.naturalOrder());
  }

  @Override
  public long insert(NewNotification notification) {
    Row row = new Row(rows.size() + 1, notification);
    rows.add(row);
    return row.id;
  }

  @Override
  public void addItem(long notificationId, NotificationItem item) {
    rows.get((int) notificationId - 1).items.add(item);
  }

  @Override
  public void scheduleRepeat(String route, String receiver, long alertId, Instant at) {
    repeats.put(route + "|" + receiver + "|" + alertId, new Repeat(route, receiver, alertId, at));
  }

  @Override
  public void cancelRepeats(long alertId) {
    repeats.values().removeIf(r -> r.alertId() == alertId);
  }

  @Override
  public void cancelRepeat(String route, String receiver, long alertId) {
    repeats.remove(route + "|" + receiver + "|" + alertId);
  }

  @Override
  public List<Repeat> dueRepeats(Instant now, int limit) {
    return repeats.values().stream()
        .filter(r -> !r.dueAt().isAfter(now))
        .sorted(Comparator.comparing(Repeat::dueAt))
        .limit(limit)
        .toList();
  }

  /** What the dispatcher's claim does: no more items. */
  void sealAll() {
    rows.forEach(r -> r.sealed = true);
  }
}
