package io.klaxon.store.jdbc.notify;

import io.klaxon.notify.NewNotification;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.NotificationStatus;
import io.klaxon.notify.NotificationStore;
import io.klaxon.notify.Repeat;
import io.klaxon.store.jdbc.Dialect;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The planner's transaction on the V8 tables (see {@link JdbcNotificationStore#plan}). */
final class NotificationPlanning implements NotificationStore.PlanTransaction {

  static final String READER = "notifications";

  private final DSLContext tx;
  private final NotificationTables tables;
  private final Dialect dialect;
  private long cursor;

  NotificationPlanning(DSLContext tx, NotificationTables tables, Dialect dialect, long cursor) {
    this.tx = tx;
    this.tables = tables;
    this.dialect = dialect;
    this.cursor = cursor;
  }

  @Override
  public long cursor() {
    return cursor;
  }

  @Override
  public void advance(long position) {
    if (position <= cursor) {
      return;
    }
    NotificationTables.Cursor c = tables.cursor;
    tx.insertInto(c.table, c.reader, c.position)
        .values(READER, position)
        .onConflict(c.reader)
        .doUpdate()
        .set(c.position, position)
        .execute();
    cursor = position;
  }

  @Override
  public Optional<NotificationStore.Gathering> gathering(
      String route, String receiver, String groupKey, Instant notAfter) {
    NotificationTables.Notifications n = tables.notifications;
    var query =
        tx.select(n.id, n.dueAt)
            .from(n.table)
            .where(group(route, receiver, groupKey))
            .and(n.status.eq(NotificationStatus.PENDING.word()))
            .and(n.sealedAt.isNull())
            .and(n.dueAt.le(micros(notAfter)))
            .orderBy(n.dueAt.desc(), n.id.desc())
            .limit(1);
    // On PostgreSQL the row lock makes a dispatcher's claim (which seals the row) wait for this
    // transaction, so that it reads the item added here; SQLite has one writer at a time.
    var row = dialect == Dialect.POSTGRESQL ? query.forUpdate().fetchOne() : query.fetchOne();
    return row == null
        ? Optional.empty()
        : Optional.of(new NotificationStore.Gathering(row.value1(), row.value2()));
  }

  @Override
  public Optional<Instant> lastDue(String route, String receiver, String groupKey) {
    NotificationTables.Notifications n = tables.notifications;
    org.jooq.Field<Instant> latest = DSL.max(n.dueAt);
    return Optional.ofNullable(
        tx.select(latest)
            .from(n.table)
            .where(group(route, receiver, groupKey))
            .and(n.sealedAt.isNotNull())
            .fetchOne(latest));
  }

  private org.jooq.Condition group(String route, String receiver, String groupKey) {
    NotificationTables.Notifications n = tables.notifications;
    return n.route.eq(route).and(n.receiver.eq(receiver)).and(n.groupKey.eq(groupKey));
  }

  @Override
  public long insert(NewNotification notification) {
    NotificationTables.Notifications n = tables.notifications;
    Instant due = micros(notification.dueAt());
    Long id =
        tx.insertInto(n.table)
            .set(n.idempotencyKey, notification.idempotencyKey())
            .set(n.route, notification.route())
            .set(n.receiver, notification.receiver())
            .set(n.groupKey, notification.groupKey())
            .set(n.status, NotificationStatus.PENDING.word())
            .set(n.createdAt, micros(notification.createdAt()))
            .set(n.dueAt, due)
            .set(n.nextAttemptAt, due)
            .set(n.attempts, 0)
            .returningResult(n.id)
            .fetchOne(n.id);
    long assigned = Objects.requireNonNull(id, "the database assigned no notification id");
    insertItem(assigned, 0, notification.item());
    return assigned;
  }

  @Override
  public void addItem(long notificationId, NotificationItem item) {
    NotificationTables.Items i = tables.items;
    Integer last =
        tx.select(DSL.max(i.seq))
            .from(i.table)
            .where(i.notificationId.eq(notificationId))
            .fetchOne(0, Integer.class);
    insertItem(notificationId, last == null ? 0 : last + 1, item);
  }

  private void insertItem(long notificationId, int seq, NotificationItem item) {
    NotificationTables.Items i = tables.items;
    tx.insertInto(i.table)
        .set(i.notificationId, notificationId)
        .set(i.seq, seq)
        .set(i.alertId, item.alertId())
        .set(i.occasion, item.occasion().word())
        .set(i.severity, item.severity().word())
        .set(i.status, item.status().word())
        .set(i.title, item.title())
        .set(i.at, micros(item.at()))
        .execute();
  }

  @Override
  public void scheduleRepeat(String route, String receiver, long alertId, Instant at) {
    NotificationTables.Repeats r = tables.repeats;
    tx.insertInto(r.table, r.route, r.receiver, r.alertId, r.dueAt)
        .values(route, receiver, alertId, micros(at))
        .onConflict(r.route, r.receiver, r.alertId)
        .doUpdate()
        .set(r.dueAt, micros(at))
        .execute();
  }

  @Override
  public void cancelRepeats(long alertId) {
    NotificationTables.Repeats r = tables.repeats;
    tx.deleteFrom(r.table).where(r.alertId.eq(alertId)).execute();
  }

  @Override
  public void cancelRepeat(String route, String receiver, long alertId) {
    NotificationTables.Repeats r = tables.repeats;
    tx.deleteFrom(r.table)
        .where(r.route.eq(route), r.receiver.eq(receiver), r.alertId.eq(alertId))
        .execute();
  }

  @Override
  public List<Repeat> dueRepeats(Instant now, int limit) {
    NotificationTables.Repeats r = tables.repeats;
    return tx.select(r.route, r.receiver, r.alertId, r.dueAt)
        .from(r.table)
        .where(r.dueAt.le(micros(now)))
        .orderBy(r.dueAt, r.alertId)
        .limit(limit)
        .fetch(row -> new Repeat(row.value1(), row.value2(), row.value3(), row.value4()));
  }

  static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
