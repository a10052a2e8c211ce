package io.klaxon.store.jdbc.escalation;

import static org.jooq.impl.DSL.name;

import io.klaxon.escalation.Escalation;
import io.klaxon.escalation.EscalationStore;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * Escalations on SQLite or PostgreSQL (migration V31, run by the alert store). The change-feed
 * position it follows is kept in {@code notify_cursor} under a reader of its own. Claims ({@code
 * FOR UPDATE SKIP LOCKED}) skip rows another instance has locked on PostgreSQL, and carry their
 * holder's name (V32); SQLite's single writer serialises them.
 */
public final class JdbcEscalationStore implements EscalationStore {

  static final String READER = "escalation";

  private static final Table<Record> CURSOR = DSL.table(name("notify_cursor"));
  private static final Field<String> CURSOR_READER =
      DSL.field(name("notify_cursor", "reader"), SQLDataType.VARCHAR);
  private static final Field<Long> CURSOR_POSITION =
      DSL.field(name("notify_cursor", "position"), SQLDataType.BIGINT);

  private final DSLContext dsl;
  private final Dialect dialect;
  private final Failures failures;
  private final EscalationTable e;
  private final String holder;

  private JdbcEscalationStore(DataSource dataSource, Dialect dialect, String holder) {
    this.holder = holder;
    this.dsl = DSL.using(dataSource, dialect.sqlDialect());
    this.dialect = dialect;
    this.failures = new Failures(dialect);
    this.e = new EscalationTable(dialect);
  }

  /**
   * Opens the store on a database the alert store has migrated.
   *
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcEscalationStore open(DataSource dataSource) {
    return open(dataSource, "klaxon");
  }

  /**
   * Opens the store as one of several instances firing steps: its claims carry {@code holder}.
   *
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcEscalationStore open(DataSource dataSource, String holder) {
    try (Connection connection = dataSource.getConnection()) {
      return new JdbcEscalationStore(
          dataSource,
          Dialect.ofProductName(connection.getMetaData().getDatabaseProductName()),
          holder);
    } catch (SQLException failure) {
      throw new Unavailable(
          "the escalation store's database cannot be reached: " + failure.getMessage(), failure);
    }
  }

  @Override
  public long cursor() {
    return failures.call(
        "read the escalation cursor",
        () -> {
          Long position =
              dsl.select(CURSOR_POSITION)
                  .from(CURSOR)
                  .where(CURSOR_READER.eq(READER))
                  .fetchOne(CURSOR_POSITION);
          return position == null ? 0L : position;
        });
  }

  @Override
  public void follow(List<Start> starts, List<Ended> ended, long position, Instant now) {
    failures.run(
        "follow alerts for escalation",
        () ->
            dsl.transaction(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  // The cursor first: SQLite takes its write lock at once, PostgreSQL locks the row
                  // so that two instances never start the same changes twice.
                  tx.insertInto(CURSOR, CURSOR_READER, CURSOR_POSITION)
                      .values(READER, position)
                      .onConflict(CURSOR_READER)
                      .doUpdate()
                      .set(CURSOR_POSITION, DSL.greatest(CURSOR_POSITION, DSL.val(position)))
                      .execute();
                  for (Start start : starts) {
                    tx.insertInto(e.table)
                        .set(e.alertId, start.alertId())
                        .set(e.policy, start.policy())
                        .set(e.route, start.route())
                        .set(e.round, 0)
                        .set(e.step, 0)
                        .set(e.nextAt, micros(start.firstAt()))
                        .set(e.startedAt, micros(start.startedAt()))
                        .onConflictDoNothing()
                        .execute();
                  }
                  for (Ended end : ended) {
                    tx.update(e.table)
                        .set(e.endReason, end.reason())
                        .set(e.endedAt, micros(now))
                        .setNull(e.nextAt)
                        .where(e.alertId.eq(end.alertId()), e.endReason.isNull())
                        .execute();
                  }
                }));
  }

  @Override
  public List<Escalation> claimDue(Instant now, Instant leaseUntil, int limit) {
    Instant at = micros(now);
    var dueCondition =
        e.endReason
            .isNull()
            .and(e.nextAt.le(at))
            .and(e.claimedUntil.isNull().or(e.claimedUntil.le(at)));
    // A read first: nothing due (the usual round) then costs no write lock on SQLite.
    if (!failures.call(
        "look for escalation steps due",
        () -> dsl.fetchExists(dsl.selectOne().from(e.table).where(dueCondition)))) {
      return List.of();
    }
    return failures.call(
        "claim the escalation steps due",
        () ->
            dsl.transactionResult(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  var select =
                      tx.select(e.id)
                          .from(e.table)
                          .where(dueCondition)
                          .orderBy(e.nextAt, e.id)
                          .limit(limit);
                  List<Long> ids =
                      dialect == Dialect.POSTGRESQL
                          ? select.forUpdate().skipLocked().fetch(e.id)
                          : select.fetch(e.id);
                  if (ids.isEmpty()) {
                    return List.<Escalation>of();
                  }
                  tx.update(e.table)
                      .set(e.claimedUntil, micros(leaseUntil))
                      .set(e.claimedBy, holder)
                      .where(e.id.in(ids))
                      .execute();
                  return tx.select(e.all())
                      .from(e.table)
                      .where(e.id.in(ids))
                      .orderBy(e.nextAt, e.id)
                      .fetch(e::read);
                }));
  }

  @Override
  public void advance(
      long id, int round, int step, Instant nextAt, Instant firedAt, String notified) {
    failures.run(
        "record an escalation step",
        () ->
            dsl.update(e.table)
                .set(e.round, round)
                .set(e.step, step)
                .set(e.nextAt, micros(nextAt))
                .set(e.lastStepAt, micros(firedAt))
                .set(e.lastNotified, notified)
                .setNull(e.claimedUntil)
                .setNull(e.claimedBy)
                .where(e.id.eq(id), e.endReason.isNull())
                .execute());
  }

  @Override
  public void postpone(long id, Instant at) {
    failures.run(
        "postpone an escalation step",
        () ->
            dsl.update(e.table)
                .set(e.nextAt, micros(at))
                .setNull(e.claimedUntil)
                .setNull(e.claimedBy)
                .where(e.id.eq(id), e.endReason.isNull())
                .execute());
  }

  @Override
  public void end(long id, String reason, Instant at, @Nullable String notified) {
    failures.run(
        "end an escalation",
        () -> {
          var update =
              dsl.update(e.table)
                  .set(e.endReason, reason)
                  .set(e.endedAt, micros(at))
                  .setNull(e.nextAt)
                  .setNull(e.claimedUntil)
                  .setNull(e.claimedBy);
          if (notified != null) {
            update = update.set(e.lastNotified, notified).set(e.lastStepAt, micros(at));
          }
          update.where(e.id.eq(id), e.endReason.isNull()).execute();
        });
  }

  @Override
  public boolean anyRunning() {
    // The partial index escalations_due holds exactly the running ones.
    return failures.call(
        "look for running escalations",
        () -> dsl.fetchExists(dsl.selectOne().from(e.table).where(e.endReason.isNull())));
  }

  @Override
  public List<Escalation> ofAlert(long alertId) {
    return failures.call(
        "read the escalations of an alert",
        () ->
            dsl.select(e.all())
                .from(e.table)
                .where(e.alertId.eq(alertId))
                .orderBy(e.id)
                .fetch(e::read));
  }

  private static Instant micros(Instant at) {
    return at.truncatedTo(ChronoUnit.MICROS);
  }
}
