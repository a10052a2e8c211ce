package io.klaxon.store.jdbc.notify;

import io.klaxon.access.Actor;
import io.klaxon.notify.Attempt;
import io.klaxon.notify.ConfigChange;
import io.klaxon.notify.ConfigDocument;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationStatus;
import io.klaxon.notify.NotificationStore;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.LabelMatcher;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The notification configuration, outbox and log on SQLite or PostgreSQL (migration V8, run by
 * {@code JdbcAlertStore.open(dataSource, Schema.SERVER)}). Claims are made in one holder's name
 * (V32), so that several dispatchers on one PostgreSQL database (cluster mode) each send what they
 * claimed and an instance starting up ends only its own earlier claims.
 */
public final class JdbcNotificationStore implements NotificationStore {

  /** The holder of the claims of a database's only dispatcher (one instance, as on SQLite). */
  public static final String SOLE_HOLDER = "klaxon";

  private final DSLContext dsl;
  private final Dialect dialect;
  private final Failures failures;
  private final NotificationTables tables;
  private final NotificationReader reader;
  private final String holder;

  private JdbcNotificationStore(DataSource dataSource, Dialect dialect, String holder) {
    this.holder = holder;
    this.dsl = DSL.using(dataSource, dialect.sqlDialect());
    this.dialect = dialect;
    this.failures = new Failures(dialect);
    this.tables = new NotificationTables(dialect);
    this.reader = new NotificationReader(tables);
  }

  /**
   * Opens the store, as the database's only dispatcher, on a database that {@code
   * JdbcAlertStore.open(dataSource, Schema.SERVER)} has migrated.
   *
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcNotificationStore open(DataSource dataSource) {
    return open(dataSource, SOLE_HOLDER);
  }

  /**
   * Opens the store as one of several dispatchers on the database: its claims carry {@code holder}
   * (an instance's name, unique among the instances and the same across its restarts).
   *
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcNotificationStore open(DataSource dataSource, String holder) {
    if (holder.isBlank() || holder.length() > 128) {
      throw new IllegalArgumentException(
          "a claim holder's name must have 1 to 128 characters, not '" + holder + "'");
    }
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.ofProductName(connection.getMetaData().getDatabaseProductName());
      return new JdbcNotificationStore(dataSource, dialect, holder);
    } catch (SQLException e) {
      throw new Unavailable(
          "the notification store's database cannot be reached: " + e.getMessage(), e);
    }
  }

  @Override
  public List<ConfigDocument> documents(ConfigKind kind) {
    NotificationTables.Config c = tables.config(kind);
    return failures.call(
        "read the notification " + kind.word() + "s",
        () ->
            dsl.select(c.name, c.position, c.document, c.updatedAt, c.updatedBy)
                .from(c.table)
                .where(c.kind.eq(kind.word()))
                .orderBy(c.position, c.name)
                .fetch(
                    row ->
                        new ConfigDocument(
                            kind,
                            row.value1(),
                            row.value2(),
                            row.value3(),
                            row.value4(),
                            row.value5())));
  }

  @Override
  public void putDocument(ConfigKind kind, String name, String json, Actor actor, Instant at) {
    failures.run(
        "save the notification " + kind.word() + " " + name,
        () ->
            dsl.transaction(
                configuration -> put(configuration.dsl(), kind, name, json, actor, at)));
  }

  @Override
  public String putDocumentIfAbsent(
      ConfigKind kind, String name, String json, Actor actor, Instant at) {
    return failures.call(
        "save the notification " + kind.word() + " " + name,
        () ->
            dsl.transactionResult(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  NotificationTables.Config c = tables.config(kind);
                  insertLast(tx, kind, name, json, actor, at).onConflictDoNothing().execute();
                  String kept =
                      tx.select(c.document)
                          .from(c.table)
                          .where(c.kind.eq(kind.word()), c.name.eq(name))
                          .fetchOne(c.document);
                  if (kept == null) {
                    throw new IllegalStateException(
                        "the notification " + kind.word() + " " + name + " was not saved");
                  }
                  return kept;
                }));
  }

  @Override
  public boolean deleteDocument(ConfigKind kind, String name) {
    return failures.call(
        "delete the notification " + kind.word() + " " + name, () -> delete(dsl, kind, name));
  }

  @Override
  public void reorder(ConfigKind kind, List<String> names) {
    failures.run(
        "reorder the notification " + kind.word() + "s",
        () -> dsl.transaction(configuration -> reorder(configuration.dsl(), kind, names)));
  }

  @Override
  public void apply(List<ConfigChange> changes, Actor actor, Instant at) {
    failures.run(
        "change the notification configuration",
        () ->
            dsl.transaction(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  for (ConfigChange change : changes) {
                    switch (change) {
                      case ConfigChange.Put put ->
                          put(tx, put.kind(), put.name(), put.json(), actor, at);
                      case ConfigChange.Delete delete -> delete(tx, delete.kind(), delete.name());
                      case ConfigChange.Order order -> reorder(tx, order.kind(), order.names());
                      case ConfigChange.PutInhibitRule rule ->
                          putRule(tx, rule.rule(), rule.origin(), actor, at);
                      case ConfigChange.DeleteInhibitRule rule ->
                          tx.deleteFrom(tables.inhibitRules.table)
                              .where(tables.inhibitRules.name.eq(rule.name()))
                              .execute();
                    }
                  }
                }));
  }

  private void put(
      DSLContext tx, ConfigKind kind, String name, String json, Actor actor, Instant at) {
    NotificationTables.Config c = tables.config(kind);
    int updated =
        tx.update(c.table)
            .set(c.document, json)
            .set(c.updatedAt, NotificationPlanning.micros(at))
            .set(c.updatedBy, actor.name())
            .where(c.kind.eq(kind.word()), c.name.eq(name))
            .execute();
    if (updated == 0) {
      insertLast(tx, kind, name, json, actor, at).execute();
    }
  }

  /** The insert of a new document after the others of its kind, not yet executed. */
  private InsertSetMoreStep<Record> insertLast(
      DSLContext tx, ConfigKind kind, String name, String json, Actor actor, Instant at) {
    NotificationTables.Config c = tables.config(kind);
    Field<Integer> last = DSL.max(c.position);
    Integer max = tx.select(last).from(c.table).where(c.kind.eq(kind.word())).fetchOne(last);
    return tx.insertInto(c.table)
        .set(c.kind, kind.word())
        .set(c.name, name)
        .set(c.position, max == null ? 0 : max + 1)
        .set(c.document, json)
        .set(c.updatedAt, NotificationPlanning.micros(at))
        .set(c.updatedBy, actor.name());
  }

  private void putRule(DSLContext tx, InhibitRule rule, String origin, Actor actor, Instant at) {
    NotificationTables.InhibitRules r = tables.inhibitRules;
    tx.deleteFrom(r.table).where(r.name.eq(rule.name())).execute();
    tx.insertInto(r.table)
        .set(r.name, rule.name())
        .set(r.source, matchers(rule.source()))
        .set(r.target, matchers(rule.target()))
        .set(r.equal, String.join("\n", rule.equal()))
        .set(r.origin, origin)
        .set(r.updatedAt, NotificationPlanning.micros(at))
        .set(r.updatedBy, actor.name())
        .execute();
  }

  /** Matchers as JdbcInhibitRuleStore reads them: Alertmanager's {@code {a="b",c=~"d"}}. */
  private static String matchers(List<LabelMatcher> matchers) {
    return matchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(",", "{", "}"));
  }

  private boolean delete(DSLContext context, ConfigKind kind, String name) {
    NotificationTables.Config c = tables.config(kind);
    return context.deleteFrom(c.table).where(c.kind.eq(kind.word()), c.name.eq(name)).execute() > 0;
  }

  private void reorder(DSLContext tx, ConfigKind kind, List<String> names) {
    NotificationTables.Config c = tables.config(kind);
    List<String> order = new ArrayList<>(names);
    for (String name :
        tx.select(c.name)
            .from(c.table)
            .where(c.kind.eq(kind.word()))
            .orderBy(c.position, c.name)
            .fetch(c.name)) {
      if (!order.contains(name)) {
        order.add(name);
      }
    }
    for (int i = 0; i < order.size(); i++) {
      tx.update(c.table)
          .set(c.position, i)
          .where(c.kind.eq(kind.word()), c.name.eq(order.get(i)))
          .execute();
    }
  }

  @Override
  public long cursor() {
    return failures.call("read the notification cursor", () -> cursor(dsl));
  }

  private long cursor(DSLContext context) {
    NotificationTables.Cursor c = tables.cursor;
    Long position =
        context
            .select(c.position)
            .from(c.table)
            .where(c.reader.eq(NotificationPlanning.READER))
            .fetchOne(c.position);
    return position == null ? 0 : position;
  }

  @Override
  public <T extends @Nullable Object> T plan(Function<PlanTransaction, T> work) {
    return failures.call(
        "plan notifications",
        () ->
            dsl.transactionResult(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  NotificationTables.Cursor c = tables.cursor;
                  // Writes first: SQLite takes its write lock at once; PostgreSQL locks the
                  // cursor row, so two planners never plan the same changes.
                  tx.insertInto(c.table, c.reader, c.position)
                      .values(NotificationPlanning.READER, 0L)
                      .onConflictDoNothing()
                      .execute();
                  long position =
                      dialect == Dialect.POSTGRESQL
                          ? Objects.requireNonNull( // the insert above made the row
                              tx.select(c.position)
                                  .from(c.table)
                                  .where(c.reader.eq(NotificationPlanning.READER))
                                  .forUpdate()
                                  .fetchOne(c.position))
                          : cursor(tx);
                  return work.apply(new NotificationPlanning(tx, tables, dialect, position));
                }));
  }

  @Override
  public List<Notification> claimDue(Instant now, Instant leaseUntil, int limit) {
    NotificationTables.Notifications n = tables.notifications;
    Instant at = NotificationPlanning.micros(now);
    return failures.call(
        "claim the notifications due",
        () ->
            dsl.transactionResult(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  var due =
                      n.status
                          .eq(NotificationStatus.PENDING.word())
                          .and(n.nextAttemptAt.le(at))
                          .and(n.claimedUntil.isNull().or(n.claimedUntil.le(at)));
                  var select =
                      tx.select(n.id)
                          .from(n.table)
                          .where(due)
                          .orderBy(n.nextAttemptAt, n.id)
                          .limit(limit);
                  List<Long> ids =
                      dialect == Dialect.POSTGRESQL
                          ? select.forUpdate().skipLocked().fetch(n.id)
                          : select.fetch(n.id);
                  if (ids.isEmpty()) {
                    return List.<Notification>of();
                  }
                  tx.update(n.table)
                      .set(
                          n.sealedAt,
                          DSL.coalesce(n.sealedAt, DSL.val(at, n.sealedAt.getDataType())))
                      .set(n.claimedUntil, NotificationPlanning.micros(leaseUntil))
                      .set(n.claimedBy, holder)
                      .where(n.id.in(ids))
                      .execute();
                  return reader.notifications(tx, n.id.in(ids), n.nextAttemptAt.asc(), limit, 0);
                }));
  }

  @Override
  public void releaseClaims() {
    NotificationTables.Notifications n = tables.notifications;
    failures.run(
        "release the notification claims",
        () ->
            dsl.update(n.table)
                .setNull(n.claimedUntil)
                .setNull(n.claimedBy)
                .where(n.status.eq(NotificationStatus.PENDING.word()))
                .and(n.claimedUntil.isNotNull())
                // Claims made before holders were recorded (V32) have none: ended too.
                .and(n.claimedBy.eq(holder).or(n.claimedBy.isNull()))
                .execute());
  }

  @Override
  public void record(List<Outcome> outcomes) {
    NotificationTables.Notifications n = tables.notifications;
    NotificationTables.Attempts a = tables.attempts;
    failures.run(
        "record notification attempts",
        () ->
            dsl.transaction(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  var attempts =
                      tx.insertInto(
                          a.table,
                          a.notificationId,
                          a.receiver,
                          a.at,
                          a.delivered,
                          a.statusCode,
                          a.latencyMicros,
                          a.error);
                  for (Outcome outcome : outcomes) {
                    Attempt attempt = outcome.attempt();
                    attempts =
                        attempts.values(
                            attempt.notificationId(),
                            attempt.receiver(),
                            NotificationPlanning.micros(attempt.at()),
                            attempt.delivered(),
                            attempt.statusCode(),
                            attempt.latency().toNanos() / 1000,
                            attempt.error());
                  }
                  attempts.execute();
                  List<org.jooq.Query> updates = new ArrayList<>(outcomes.size());
                  for (Outcome outcome : outcomes) {
                    updates.add(update(tx, n, outcome));
                  }
                  tx.batch(updates).execute();
                }));
  }

  private org.jooq.Query update(
      DSLContext tx, NotificationTables.Notifications n, Outcome outcome) {
    Attempt attempt = outcome.attempt();
    Instant at = NotificationPlanning.micros(attempt.at());
    var update =
        tx.update(n.table)
            .set(n.status, outcome.status().word())
            .set(n.attempts, n.attempts.plus(1))
            .set(
                n.firstAttemptAt,
                DSL.coalesce(n.firstAttemptAt, DSL.val(at, n.firstAttemptAt.getDataType())))
            .set(n.lastError, attempt.error())
            .setNull(n.claimedUntil)
            .setNull(n.claimedBy);
    if (outcome.status() == NotificationStatus.PENDING) {
      return update
          .set(
              n.nextAttemptAt,
              NotificationPlanning.micros(java.util.Objects.requireNonNull(outcome.retryAt())))
          .where(n.id.eq(attempt.notificationId()));
    }
    return update.set(n.finishedAt, at).where(n.id.eq(attempt.notificationId()));
  }

  @Override
  public void postpone(long notificationId, Instant at) {
    NotificationTables.Notifications n = tables.notifications;
    failures.run(
        "postpone a notification",
        () ->
            dsl.update(n.table)
                .set(n.nextAttemptAt, NotificationPlanning.micros(at))
                .setNull(n.claimedUntil)
                .setNull(n.claimedBy)
                .where(n.id.eq(notificationId))
                .execute());
  }

  @Override
  public Optional<Notification> notification(long id) {
    NotificationTables.Notifications n = tables.notifications;
    return failures.call(
        "read a notification",
        () -> reader.notifications(dsl, n.id.eq(id), n.id.asc(), 1, 0).stream().findFirst());
  }

  @Override
  public List<Notification> deadLetters(int limit, int offset) {
    NotificationTables.Notifications n = tables.notifications;
    return failures.call(
        "read the dead letters",
        () ->
            reader.notifications(
                dsl, n.status.eq(NotificationStatus.DEAD.word()), n.id.desc(), limit, offset));
  }

  @Override
  public long deadLetterCount() {
    return count(NotificationStatus.DEAD);
  }

  @Override
  public long pendingCount() {
    return count(NotificationStatus.PENDING);
  }

  private long count(NotificationStatus status) {
    NotificationTables.Notifications n = tables.notifications;
    return failures.call(
        "count notifications", () -> (long) dsl.fetchCount(n.table, n.status.eq(status.word())));
  }

  @Override
  public boolean retry(long id, Instant at) {
    NotificationTables.Notifications n = tables.notifications;
    return failures.call(
        "retry a dead letter",
        () ->
            dsl.update(n.table)
                    .set(n.status, NotificationStatus.PENDING.word())
                    .set(n.nextAttemptAt, NotificationPlanning.micros(at))
                    .setNull(n.firstAttemptAt)
                    .setNull(n.finishedAt)
                    .setNull(n.claimedUntil)
                    .where(n.id.eq(id), n.status.eq(NotificationStatus.DEAD.word()))
                    .execute()
                > 0);
  }

  @Override
  public List<Notification> notificationsOfAlert(long alertId) {
    NotificationTables.Notifications n = tables.notifications;
    NotificationTables.Items i = tables.items;
    return failures.call(
        "read the notifications of alert " + alertId,
        () ->
            reader.notifications(
                dsl,
                n.id.in(DSL.select(i.notificationId).from(i.table).where(i.alertId.eq(alertId))),
                n.id.asc(),
                10_000,
                0));
  }

  @Override
  public List<Attempt> attempts(List<Long> notificationIds) {
    return failures.call("read notification attempts", () -> reader.attempts(dsl, notificationIds));
  }
}
