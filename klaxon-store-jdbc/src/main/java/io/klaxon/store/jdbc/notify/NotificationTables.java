package io.klaxon.store.jdbc.notify;

import static io.klaxon.store.jdbc.Columns.column;
import static io.klaxon.store.jdbc.Columns.text;
import static org.jooq.impl.DSL.name;

import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.alert.AlertTables;
import java.time.Instant;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The notification tables (migration V8), typed as {@link AlertTables} types the alerts'. */
final class NotificationTables {

  final Config config;
  final Config timeIntervals;
  final InhibitRules inhibitRules;
  final Cursor cursor = new Cursor();
  final Notifications notifications;
  final Items items;
  final Attempts attempts;
  final Repeats repeats;

  NotificationTables(Dialect dialect) {
    DataType<Instant> time = dialect.timestamp();
    config = new Config(Config.NAME, time, dialect.json());
    timeIntervals = new Config("notify_time_intervals", time, dialect.json());
    inhibitRules = new InhibitRules(time);
    notifications = new Notifications(time);
    items = new Items(time);
    attempts = new Attempts(time);
    repeats = new Repeats(time);
  }

  /** The table of a configuration kind: time intervals have one of their own (V25). */
  Config config(io.klaxon.notify.ConfigKind kind) {
    return kind == io.klaxon.notify.ConfigKind.TIME_INTERVAL ? timeIntervals : config;
  }

  /**
   * {@code notify_config}: receivers, routes and the on-call documents as their JSON documents;
   * {@code notify_time_intervals}, of the same shape, the time intervals.
   */
  static final class Config {
    static final String NAME = "notify_config";
    final Table<Record> table;
    final Field<String> kind;
    final Field<String> name;
    final Field<Integer> position;
    final Field<String> document;
    final Field<Instant> updatedAt;
    final Field<String> updatedBy;

    private Config(String table, DataType<Instant> time, DataType<String> json) {
      this.table = DSL.table(name(table));
      kind = text(table, "kind");
      name = text(table, "name");
      position = column(table, "position", SQLDataType.INTEGER);
      document = column(table, "document", json);
      updatedAt = column(table, "updated_at", time);
      updatedBy = text(table, "updated_by");
    }
  }

  /**
   * {@code inhibit_rules} as an import writes them, in the transaction of the configuration
   * (JdbcInhibitRuleStore reads them; matchers as Alertmanager's text).
   */
  static final class InhibitRules {
    static final String NAME = "inhibit_rules";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<String> name = text(NAME, "name");
    final Field<String> source = text(NAME, "source_matchers");
    final Field<String> target = text(NAME, "target_matchers");
    final Field<String> equal = text(NAME, "equal_labels");
    final Field<String> origin = text(NAME, "origin");
    final Field<Instant> updatedAt;
    final Field<String> updatedBy = text(NAME, "updated_by");

    private InhibitRules(DataType<Instant> time) {
      updatedAt = column(NAME, "updated_at", time);
    }
  }

  /** {@code notify_cursor}: where each reader of the change feed is. */
  static final class Cursor {
    static final String NAME = "notify_cursor";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<String> reader = text(NAME, "reader");
    final Field<Long> position = column(NAME, "position", SQLDataType.BIGINT);
  }

  /** {@code notifications}: the outbox. */
  static final class Notifications {
    static final String NAME = "notifications";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> id = column(NAME, "id", SQLDataType.BIGINT);
    final Field<String> idempotencyKey = text(NAME, "idempotency_key");
    final Field<String> route = text(NAME, "route");
    final Field<String> receiver = text(NAME, "receiver");
    final Field<String> groupKey = text(NAME, "group_key");
    final Field<String> status = text(NAME, "status");
    final Field<Instant> createdAt;
    final Field<Instant> dueAt;
    final Field<Instant> nextAttemptAt;
    final Field<Instant> sealedAt;
    final Field<Instant> claimedUntil;
    final Field<String> claimedBy = text(NAME, "claimed_by");
    final Field<Integer> attempts = column(NAME, "attempts", SQLDataType.INTEGER);
    final Field<Instant> firstAttemptAt;
    final Field<String> lastError = text(NAME, "last_error");
    final Field<Instant> finishedAt;

    private Notifications(DataType<Instant> time) {
      createdAt = column(NAME, "created_at", time);
      dueAt = column(NAME, "due_at", time);
      nextAttemptAt = column(NAME, "next_attempt_at", time);
      sealedAt = column(NAME, "sealed_at", time);
      claimedUntil = column(NAME, "claimed_until", time);
      firstAttemptAt = column(NAME, "first_attempt_at", time);
      finishedAt = column(NAME, "finished_at", time);
    }

    List<Field<?>> columns() {
      return List.of(
          id,
          idempotencyKey,
          route,
          receiver,
          groupKey,
          status,
          createdAt,
          dueAt,
          nextAttemptAt,
          sealedAt,
          claimedUntil,
          attempts,
          firstAttemptAt,
          lastError,
          finishedAt);
    }
  }

  /** {@code notification_items}: the alert changes a notification carries. */
  static final class Items {
    static final String NAME = "notification_items";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> notificationId = column(NAME, "notification_id", SQLDataType.BIGINT);
    final Field<Integer> seq = column(NAME, "seq", SQLDataType.INTEGER);
    final Field<Long> alertId = column(NAME, "alert_id", SQLDataType.BIGINT);
    final Field<String> occasion = text(NAME, "occasion");
    final Field<String> severity = text(NAME, "severity");
    final Field<String> status = text(NAME, "status");
    final Field<String> title = text(NAME, "title");
    final Field<Instant> at;

    private Items(DataType<Instant> time) {
      at = column(NAME, "at", time);
    }

    List<Field<?>> columns() {
      return List.of(notificationId, seq, alertId, occasion, severity, status, title, at);
    }
  }

  /** {@code notification_attempts}: the notification log. */
  static final class Attempts {
    static final String NAME = "notification_attempts";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> id = column(NAME, "id", SQLDataType.BIGINT);
    final Field<Long> notificationId = column(NAME, "notification_id", SQLDataType.BIGINT);
    final Field<String> receiver = text(NAME, "receiver");
    final Field<Instant> at;
    final Field<Boolean> delivered = column(NAME, "delivered", SQLDataType.BOOLEAN);
    final Field<Integer> statusCode = column(NAME, "status_code", SQLDataType.INTEGER);
    final Field<Long> latencyMicros = column(NAME, "latency_micros", SQLDataType.BIGINT);
    final Field<String> error = text(NAME, "error");

    private Attempts(DataType<Instant> time) {
      at = column(NAME, "at", time);
    }

    List<Field<?>> columns() {
      return List.of(id, notificationId, receiver, at, delivered, statusCode, latencyMicros, error);
    }
  }

  /** {@code notification_repeats}: the next reminder of each open alert. */
  static final class Repeats {
    static final String NAME = "notification_repeats";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<String> route = text(NAME, "route");
    final Field<String> receiver = text(NAME, "receiver");
    final Field<Long> alertId = column(NAME, "alert_id", SQLDataType.BIGINT);
    final Field<Instant> dueAt;

    private Repeats(DataType<Instant> time) {
      dueAt = column(NAME, "due_at", time);
    }
  }
}
