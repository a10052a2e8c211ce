package io.klaxon.store.jdbc.suppress;

import static org.jooq.impl.DSL.name;

import io.klaxon.suppress.Snooze;
import io.klaxon.suppress.SnoozeStore;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Snoozes in the {@code snoozes} table, one row per snoozed alert. */
public final class JdbcSnoozeStore implements SnoozeStore {

  private static final String TABLE = "snoozes";

  private final DSLContext dsl;
  private final Table<Record> snoozes = DSL.table(name(TABLE));
  private final Field<Long> alertId = DSL.field(name(TABLE, "alert_id"), SQLDataType.BIGINT);
  private final Field<Instant> until;
  private final Field<String> by = DSL.field(name(TABLE, "snoozed_by"), SQLDataType.VARCHAR);
  private final Field<String> note = DSL.field(name(TABLE, "note"), SQLDataType.VARCHAR);

  private JdbcSnoozeStore(SuppressColumns columns) {
    this.dsl = columns.dsl();
    this.until = DSL.field(name(TABLE, "until"), columns.time());
  }

  /**
   * Opens the store on a database that {@code JdbcAlertStore.open(dataSource, Schema.SERVER)} has
   * migrated.
   *
   * @throws io.klaxon.problem.Unavailable when the database cannot be reached
   */
  public static JdbcSnoozeStore open(DataSource dataSource) {
    return new JdbcSnoozeStore(SuppressColumns.of(dataSource));
  }

  @Override
  public void put(Snooze snooze) {
    dsl.insertInto(snoozes)
        .set(alertId, snooze.alertId())
        .set(until, snooze.until())
        .set(by, snooze.by())
        .set(note, snooze.note())
        .onConflict(alertId)
        .doUpdate()
        .set(until, snooze.until())
        .set(by, snooze.by())
        .set(note, snooze.note())
        .execute();
  }

  @Override
  public boolean remove(long id) {
    return dsl.deleteFrom(snoozes).where(alertId.eq(id)).execute() > 0;
  }

  @Override
  public List<Snooze> all() {
    return dsl.select(alertId, until, by, note)
        .from(snoozes)
        .orderBy(alertId)
        .fetch(row -> new Snooze(row.get(alertId), row.get(until), row.get(by), row.get(note)));
  }
}
