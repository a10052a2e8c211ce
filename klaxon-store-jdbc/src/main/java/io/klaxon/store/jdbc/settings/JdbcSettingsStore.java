package io.klaxon.store.jdbc.settings;

import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.name;

import io.klaxon.access.Actor;
import io.klaxon.problem.Unavailable;
import io.klaxon.settings.SettingsChange;
import io.klaxon.settings.SettingsStore;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Settings sections and their change history on SQLite or PostgreSQL. */
public final class JdbcSettingsStore implements SettingsStore {

  private final DSLContext dsl;
  private final Dialect dialect;
  private final Failures failures;
  private final Table<Record> settings = DSL.table(name("settings"));
  private final Field<String> section = DSL.field(name("settings", "section"), SQLDataType.VARCHAR);
  private final Field<String> value;
  private final Field<Instant> updatedAt;
  private final Table<Record> history = DSL.table(name("settings_history"));
  private final Field<Long> historyId =
      DSL.field(name("settings_history", "id"), SQLDataType.BIGINT);
  private final Field<String> historySection =
      DSL.field(name("settings_history", "section"), SQLDataType.VARCHAR);
  private final Field<Instant> at;
  private final Field<String> actor =
      DSL.field(name("settings_history", "actor"), SQLDataType.VARCHAR);
  private final Field<String> oldValue;
  private final Field<String> newValue;

  private JdbcSettingsStore(DataSource dataSource, Dialect dialect) {
    this.dsl = DSL.using(dataSource, dialect.sqlDialect());
    this.dialect = dialect;
    this.failures = new Failures(dialect);
    DataType<Instant> time = dialect.timestamp();
    DataType<String> json = dialect.json();
    this.value = DSL.field(name("settings", "value"), json);
    this.updatedAt = DSL.field(name("settings", "updated_at"), time);
    this.at = DSL.field(name("settings_history", "at"), time);
    this.oldValue = DSL.field(name("settings_history", "old_value"), json);
    this.newValue = DSL.field(name("settings_history", "new_value"), json);
  }

  /**
   * Opens the store on a database that {@code JdbcAlertStore.open(dataSource, Schema.SERVER)} has
   * migrated.
   *
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcSettingsStore open(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.ofProductName(connection.getMetaData().getDatabaseProductName());
      return new JdbcSettingsStore(dataSource, dialect);
    } catch (SQLException e) {
      throw new Unavailable(
          "the settings store's database cannot be reached: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<String> load(String name) {
    return failures.call(
        "load the " + name + " settings",
        () -> dsl.select(value).from(settings).where(section.eq(name)).fetchOptional(value));
  }

  @Override
  public void save(String name, String json, Actor who, Instant when) {
    Instant now = when.truncatedTo(ChronoUnit.MICROS);
    failures.run(
        "save the " + name + " settings",
        () ->
            dsl.transaction(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  if (dialect == Dialect.POSTGRESQL) {
                    // Two saves at once must not both record the same "before".
                    tx.select(value).from(settings).where(section.eq(name)).forUpdate().fetch();
                  }
                  // History first: on SQLite a write as the first statement takes the write lock
                  // at once, where a read first would have to upgrade it (and might be refused).
                  tx.insertInto(history, historySection, at, actor, oldValue, newValue)
                      .select(
                          DSL.select(
                              DSL.val(name),
                              DSL.val(now, at.getDataType()),
                              DSL.val(who.name()),
                              DSL.field(DSL.select(value).from(settings).where(section.eq(name))),
                              DSL.val(json, newValue.getDataType())))
                      .execute();
                  tx.insertInto(settings, section, value, updatedAt)
                      .values(name, json, now)
                      .onConflict(section)
                      .doUpdate()
                      .set(value, excluded(value))
                      .set(updatedAt, excluded(updatedAt))
                      .execute();
                }));
  }

  @Override
  public List<SettingsChange> history(String name, int limit) {
    return failures.call(
        "read the " + name + " settings history",
        () ->
            dsl.select(historySection, at, actor, oldValue, newValue)
                .from(history)
                .where(historySection.eq(name))
                .orderBy(historyId.desc())
                .limit(limit)
                .fetch(
                    r ->
                        new SettingsChange(
                            r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
  }
}
