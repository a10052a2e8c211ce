package io.klaxon.store.jdbc.alert;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Subject;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertChange;
import io.klaxon.store.AlertCounts;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeFeed;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.IdBlocks;
import io.klaxon.store.Retriggers;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Failures;
import io.klaxon.store.jdbc.RowInsert;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TransactionIsolation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * The {@link AlertStore} on SQLite or PostgreSQL, over any JDBC {@link DataSource}, with its
 * history as the {@link ChangeFeed}.
 */
public final class JdbcAlertStore implements AlertStore, ChangeFeed {

  private final Dialect dialect;
  private final Partitioning partitioning;
  private final Failures failures;
  private final AlertReader reader;
  private final AlertWriter writer;
  private final FeedSequencer sequencer;
  private final AlertIdCounter ids;
  private final @Nullable JointCommit joint;

  private JdbcAlertStore(DataSource dataSource, Dialect dialect, @Nullable Integer partitions) {
    this.dialect = dialect;
    this.failures = new Failures(dialect);
    DSLContext dsl = TransactionIsolation.dsl(dataSource, dialect);
    this.partitioning =
        failures.call(
            "record the engine's partitions",
            () -> PartitionCount.settle(dsl, dialect, partitions));
    AlertTables tables = new AlertTables(dialect);
    AlertRows rows = new AlertRows(tables);
    this.reader = new AlertReader(dsl, tables, rows, new AlertFilters(dialect, tables));
    this.writer = new AlertWriter(dsl, dialect, tables, rows, partitioning);
    this.sequencer = new FeedSequencer(dsl, dialect, tables);
    this.ids = new AlertIdCounter(dsl, tables);
    this.joint =
        dialect.joinsPartitionCommits()
            ? new JointCommit(writer, new AlertLog(dsl, dialect, tables), dialect)
            : null;
  }

  /**
   * Opens the store with the tables it uses and no others ({@link Schema#ALERTS}): detects the
   * database, checks its connection settings, and migrates the alert tables to the current version.
   * This is the embedded library's entry point; a database the server also migrated opens too.
   *
   * @throws IllegalArgumentException when the database is neither SQLite nor PostgreSQL, or a
   *     SQLite data source does not enforce foreign keys (see {@link Dialect#sqliteUrl})
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcAlertStore open(DataSource dataSource) {
    return open(dataSource, Schema.ALERTS, null);
  }

  /**
   * Opens the store as {@link #open(DataSource)} does, for an engine of {@code partitions}
   * partitions ({@code klaxon.engine.partitions}): an empty database records that number (1 on
   * SQLite, 16 on PostgreSQL when null); a database that recorded another refuses.
   *
   * @throws IllegalStateException when the database was created with another number of partitions
   */
  public static JdbcAlertStore open(DataSource dataSource, @Nullable Integer partitions) {
    return open(dataSource, Schema.ALERTS, partitions);
  }

  /**
   * Opens the store with the default number of partitions, migrating the given schema: {@link
   * Schema#SERVER} for the server's other stores and commands.
   */
  public static JdbcAlertStore open(DataSource dataSource, Schema schema) {
    return open(dataSource, schema, null);
  }

  /**
   * Opens the store as {@link #open(DataSource, Integer)} does, migrating the given schema: {@link
   * Schema#SERVER} for the server, whose other stores ({@code JdbcHostStore}, {@code JdbcKeyStore},
   * …) open on the tables it creates.
   */
  public static JdbcAlertStore open(
      DataSource dataSource, Schema schema, @Nullable Integer partitions) {
    // An embedded store must not print jOOQ's logo and "tip of the day" into the program's log;
    // a program that wants them sets these properties itself.
    System.setProperty("org.jooq.no-logo", System.getProperty("org.jooq.no-logo", "true"));
    System.setProperty("org.jooq.no-tips", System.getProperty("org.jooq.no-tips", "true"));
    Dialect dialect;
    try (Connection connection = dataSource.getConnection()) {
      dialect = Dialect.ofProductName(connection.getMetaData().getDatabaseProductName());
      dialect.prepare(connection);
    } catch (SQLException e) {
      throw new Unavailable("the alert store's database cannot be reached: " + e.getMessage(), e);
    }
    schema.migrate(dataSource, dialect);
    return new JdbcAlertStore(dataSource, dialect, partitions);
  }

  /** The database this store runs on. */
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public List<Alert> loadActive() {
    failures.run("fold the re-trigger log", () -> writer.recover(null));
    return failures.call("load the active alerts", reader::loadActive);
  }

  @Override
  public Partitioning partitioning() {
    return partitioning;
  }

  @Override
  public List<Alert> loadActive(int partition) {
    failures.run("fold the re-trigger log", () -> writer.recover(partition));
    return failures.call("load a partition's active alerts", () -> reader.loadActive(partition));
  }

  @Override
  public void forEachActive(Consumer<? super Alert> each) {
    failures.run("fold the re-trigger log", () -> writer.recover(null));
    failures.run("load the active alerts", () -> reader.forEachActive(null, each));
  }

  @Override
  public void forEachActive(int partition, Consumer<? super Alert> each) {
    failures.run("fold the re-trigger log", () -> writer.recover(partition));
    failures.run("load a partition's active alerts", () -> reader.forEachActive(partition, each));
  }

  @Override
  public long maxAlertId() {
    return failures.call("read the last alert id", reader::maxAlertId);
  }

  /** Ids in blocks from {@code alert_ids}: commits that create alerts share no row. */
  @Override
  public Optional<IdBlocks> idBlocks() {
    return Optional.of(
        new IdBlocks() {
          @Override
          public long reserve(int count) {
            return failures.call("reserve alert ids", () -> ids.reserve(count));
          }

          @Override
          public void giveBack(long from, long through) {
            failures.run("return unused alert ids", () -> ids.giveBack(from, through));
          }
        });
  }

  @Override
  public Optional<Alert> findById(long id) {
    return failures.call("read an alert", () -> reader.findById(id));
  }

  /**
   * Alerts by id, read together (those that do not exist left out): a cluster's answer names a
   * request's alerts, and one statement reads them all.
   */
  public Map<Long, Alert> findByIds(Collection<Long> ids) {
    Map<Long, Alert> found = new HashMap<>();
    for (List<Long> chunk : RowInsert.chunks(List.copyOf(ids), 1)) {
      failures
          .call("read alerts", () -> reader.findByIds(chunk))
          .forEach(a -> found.put(a.id(), a));
    }
    return found;
  }

  /**
   * The active alert of a fingerprint as its row stands (index alerts_active_fingerprint): in
   * cluster mode, for alerts whose partition another instance owns. Its counts may lag behind the
   * re-trigger log.
   */
  public Optional<Alert> findActive(String fingerprint) {
    return failures.call("read an active alert", () -> reader.findActive(fingerprint));
  }

  @Override
  public AlertPage find(AlertQuery query) {
    return failures.call("list alerts", () -> reader.find(query));
  }

  @Override
  public AlertStats stats(AlertQuery query) {
    return failures.call("count alerts", () -> reader.stats(query));
  }

  @Override
  public List<HistoryEntry> history(long alertId) {
    return failures.call("read an alert's history", () -> reader.history(alertId));
  }

  @Override
  public Optional<Subject> findSubject(String type, String key) {
    return failures.call("read a subject", () -> reader.findSubject(type, key));
  }

  @Override
  public List<AlertChange> changesAfter(long position, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return failures.call(
        "read the change feed",
        () -> {
          sequencer.run();
          return reader.changesAfter(position, limit);
        });
  }

  @Override
  public long lastPosition() {
    return failures.call(
        "read the change feed's position",
        () -> {
          sequencer.run();
          return reader.lastPosition();
        });
  }

  @Override
  public List<Long> finalAlertsBefore(Instant cutoff, int limit) {
    return failures.call(
        "find alerts past retention", () -> reader.finalAlertsBefore(cutoff, limit));
  }

  @Override
  public void commit(ChangeSet changes) {
    failures.run("commit alert changes", () -> writer.commit(changes));
  }

  @Override
  public long commit(ChangeSet changes, Retriggers retriggers) {
    JointCommit together = joint;
    return failures.call(
        "commit alert changes",
        () ->
            together != null && JointCommit.joins(changes)
                ? together.commit(changes, retriggers)
                : writer.commit(changes, retriggers));
  }

  @Override
  public boolean joinsPartitionCommits() {
    return joint != null;
  }

  @Override
  public void fold(int partition, AlertCounts alerts, List<Long> entries) {
    if (alerts.isEmpty() && entries.isEmpty()) {
      return;
    }
    failures.run("fold the re-trigger log", () -> writer.fold(alerts, entries));
  }

  /**
   * Writes a change set and runs {@code alsoInTransaction} in the same transaction, even when the
   * change set is empty: cluster mode stores a partition's consumed offset with its changes, under
   * its ownership check, so that an owner that lost the partition commits nothing.
   *
   * @throws io.klaxon.store.ConcurrentChange as {@link #commit(ChangeSet)}; whatever {@code
   *     alsoInTransaction} throws, after rolling everything back
   */
  public void commit(ChangeSet changes, Consumer<DSLContext> alsoInTransaction) {
    failures.run("commit alert changes", () -> writer.commit(changes, alsoInTransaction));
  }

  /**
   * As {@link #commit(ChangeSet, Consumer)}, with a partition's pure re-triggers written into their
   * rows in the same transaction, not into the re-trigger log: only their occurrences, last
   * sighting and version, under each row's optimistic lock (cluster mode, whose rows other
   * instances read and whose every commit is fenced).
   *
   * @throws io.klaxon.store.ConcurrentChange when an updated or re-triggered alert's row is no
   *     longer at its expected version
   */
  public void commit(
      ChangeSet changes, Retriggers retriggers, Consumer<DSLContext> alsoInTransaction) {
    failures.run(
        "commit alert changes",
        () -> writer.commit(changes, retriggers.alerts(), alsoInTransaction));
  }
}
