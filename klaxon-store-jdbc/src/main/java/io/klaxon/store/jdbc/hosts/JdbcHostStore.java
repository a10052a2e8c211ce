package io.klaxon.store.jdbc.hosts;

import static org.jooq.impl.DSL.excluded;

import io.klaxon.access.Actor;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.HostStore;
import io.klaxon.detect.hosts.Server;
import io.klaxon.detect.hosts.ServerStripes;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import io.klaxon.store.jdbc.RowInsert;
import io.klaxon.store.jdbc.alert.AlertTables;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The {@link HostStore} on SQLite or PostgreSQL, beside a {@link JdbcAlertStore} on the same
 * database. A server's row references its subject, and its states the server, with cascading
 * deletes: the alert engine's purge of {@code server/{id}} takes them with the alerts.
 */
public final class JdbcHostStore implements HostStore {

  static final String SECTION = "hosts";

  /** How long a change of a server waits for another instance's to end before giving up. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(30);

  private final DSLContext dsl;
  private final Failures failures;
  private final HostTables tables;
  private final HostRows rows;
  private final AlertTables.Subjects subjects;
  // PostgreSQL's advisory locks are re-entrant within a session, and this store's threads share
  // one session for them: two threads would both "hold" one server's lock without these.
  private final ServerStripes stripes = new ServerStripes();
  private final @Nullable AdvisoryServerLocks sharedLocks;

  private final Dialect dialect;
  private final org.jooq.Table<Record> history = DSL.table(DSL.name("settings_history"));
  private final Field<String> historySection =
      DSL.field(DSL.name("settings_history", "section"), org.jooq.impl.SQLDataType.VARCHAR);
  private final Field<String> historyActor =
      DSL.field(DSL.name("settings_history", "actor"), org.jooq.impl.SQLDataType.VARCHAR);
  private final Field<Instant> historyAt;
  private final Field<String> historyOld;
  private final Field<String> historyNew;

  private JdbcHostStore(DataSource dataSource, Dialect dialect, Duration lockWait) {
    this.dialect = dialect;
    // SQLite is one process's database: no other instance can be changing a server there.
    this.sharedLocks =
        dialect == Dialect.POSTGRESQL
            ? new AdvisoryServerLocks(dataSource, dialect, lockWait)
            : null;
    this.historyAt = DSL.field(DSL.name("settings_history", "at"), dialect.timestamp());
    this.historyOld = DSL.field(DSL.name("settings_history", "old_value"), dialect.json());
    this.historyNew = DSL.field(DSL.name("settings_history", "new_value"), dialect.json());
    this.dsl = DSL.using(dataSource, dialect.sqlDialect());
    this.failures = new Failures(dialect);
    this.tables = new HostTables(dialect);
    this.rows = new HostRows(tables);
    this.subjects = new AlertTables(dialect).subjects;
  }

  /**
   * Opens the store on a database that {@code JdbcAlertStore.open(dataSource, Schema.SERVER)} has
   * migrated.
   *
   * @throws IllegalArgumentException when the database is neither SQLite nor PostgreSQL
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcHostStore open(DataSource dataSource) {
    return open(dataSource, LOCK_WAIT);
  }

  /** As {@link #open(DataSource)}, waiting at most {@code lockWait} for a server's lock. */
  static JdbcHostStore open(DataSource dataSource, Duration lockWait) {
    try (Connection connection = dataSource.getConnection()) {
      Dialect dialect = Dialect.ofProductName(connection.getMetaData().getDatabaseProductName());
      return new JdbcHostStore(dataSource, dialect, lockWait);
    } catch (SQLException e) {
      throw new Unavailable("the host store's database cannot be reached: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Server> loadServers() {
    HostTables.Servers s = tables.servers;
    return failures.call(
        "load the servers",
        () -> dsl.select(s.columns()).from(s.table).orderBy(s.id).fetch(rows::server));
  }

  @Override
  public void insertServer(Server server) {
    HostTables.Servers s = tables.servers;
    failures.run(
        "register a server",
        () ->
            dsl.transaction(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  if (tx.fetchExists(s.table, s.id.eq(server.id()))) {
                    throw new Conflict("id", "server " + server.id() + " already exists");
                  }
                  // The subject may exist already: alerts about server/{id} from raw events.
                  tx.insertInto(subjects.table, subjects.columns())
                      .values(Server.SUBJECT_TYPE, server.id(), server.displayName(), null, "{}")
                      .onConflict(subjects.type, subjects.key)
                      .doUpdate()
                      .set(subjects.name, excluded(subjects.name))
                      .execute();
                  tx.insertInto(s.table, s.columns()).values(rows.values(server)).execute();
                }));
  }

  @Override
  public boolean updateServer(Server server) {
    HostTables.Servers s = tables.servers;
    return failures.call(
        "update a server",
        () ->
            dsl.transactionResult(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  int updated =
                      tx.update(s.table)
                          .set(s.hostname, server.hostname())
                          .set(s.displayName, server.displayName())
                          .set(s.tags, HostRows.tags(server))
                          .set(s.updatedAt, server.updatedAt())
                          .where(s.id.eq(server.id()))
                          .execute();
                  tx.update(subjects.table)
                      .set(subjects.name, server.displayName())
                      .where(subjects.type.eq(Server.SUBJECT_TYPE), subjects.key.eq(server.id()))
                      .execute();
                  return updated == 1;
                }));
  }

  @Override
  public List<AlertState> loadStates() {
    HostTables.States st = tables.states;
    return failures.call(
        "load the alert states",
        () -> dsl.select(st.columns()).from(st.table).orderBy(st.key()).fetch(rows::state));
  }

  @Override
  public List<Server> loadServers(Set<String> ids) {
    HostTables.Servers s = tables.servers;
    return failures.call(
        "load servers",
        () ->
            dsl.select(s.columns())
                .from(s.table)
                .where(s.id.in(ids))
                .orderBy(s.id)
                .fetch(rows::server));
  }

  @Override
  public List<AlertState> loadStates(Set<String> servers) {
    HostTables.States st = tables.states;
    return failures.call(
        "load alert states",
        () ->
            dsl.select(st.columns())
                .from(st.table)
                .where(st.serverId.in(servers))
                .orderBy(st.key())
                .fetch(rows::state));
  }

  /**
   * Holds the servers' locks of this store's threads, then on PostgreSQL those of every store on
   * the database ({@link AdvisoryServerLocks}); on SQLite, which one process alone opens, the first
   * suffice.
   */
  @Override
  public <T> T inServerLock(Set<String> servers, Supplier<T> work) {
    return stripes.locked(
        servers, () -> sharedLocks == null ? work.get() : sharedLocks.locked(servers, work));
  }

  @Override
  public void saveStates(List<AlertState> states) {
    if (states.isEmpty()) {
      return;
    }
    HostTables.States st = tables.states;
    Map<Field<?>, Field<?>> replace = new HashMap<>();
    for (Field<?> column : st.columns()) {
      if (!st.key().contains(column)) {
        replace.put(column, excluded(column));
      }
    }
    failures.run(
        "save alert states",
        () ->
            dsl.transaction(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  for (List<AlertState> chunk : RowInsert.chunks(states, st.columns().size())) {
                    InsertValuesStepN<Record> insert = tx.insertInto(st.table, st.columns());
                    for (AlertState state : chunk) {
                      insert = insert.values(rows.values(state));
                    }
                    insert.onConflict(st.key()).doUpdate().set(replace).execute();
                  }
                }));
  }

  @Override
  public Optional<HostSettings> loadSettings() {
    HostTables.Settings s = tables.settings;
    return failures.call(
        "load the host settings",
        () ->
            dsl.select(s.value)
                .from(s.table)
                .where(s.section.eq(SECTION))
                .fetchOptional(s.value)
                .map(HostRows::settings));
  }

  @Override
  public void saveSettings(HostSettings settings, Actor actor, Instant savedAt) {
    HostTables.Settings s = tables.settings;
    Instant now = savedAt.truncatedTo(ChronoUnit.MICROS);
    String json = HostRows.json(settings);
    failures.run(
        "save the host settings",
        () ->
            dsl.transaction(
                configuration -> {
                  DSLContext tx = configuration.dsl();
                  if (dialect == Dialect.POSTGRESQL) {
                    // Two saves at once must not both record the same "before".
                    tx.select(s.value)
                        .from(s.table)
                        .where(s.section.eq(SECTION))
                        .forUpdate()
                        .fetch();
                  }
                  // History first: on SQLite a write as the first statement takes the write lock.
                  tx.insertInto(
                          history, historySection, historyAt, historyActor, historyOld, historyNew)
                      .select(
                          DSL.select(
                              DSL.val(SECTION),
                              DSL.val(now, historyAt.getDataType()),
                              DSL.val(actor.name()),
                              DSL.field(
                                  DSL.select(s.value).from(s.table).where(s.section.eq(SECTION))),
                              DSL.val(json, historyNew.getDataType())))
                      .execute();
                  tx.insertInto(s.table, s.section, s.value, s.updatedAt)
                      .values(SECTION, json, now)
                      .onConflict(s.section)
                      .doUpdate()
                      .set(s.value, excluded(s.value))
                      .set(s.updatedAt, excluded(s.updatedAt))
                      .execute();
                }));
  }
}
