package io.klaxon.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * The databases the JDBC store runs on, and every SQL difference between them.
 *
 * <p>The subject upsert is the same on both: SQLite (3.24 and later) accepts PostgreSQL's {@code
 * INSERT … ON CONFLICT … DO UPDATE … WHERE}, and jOOQ renders {@code IS DISTINCT FROM} for each.
 */
public enum Dialect {
  /** The embedded default: one file, WAL journal, microsecond INTEGER timestamps, TEXT JSON. */
  SQLITE("SQLite", SQLDialect.SQLITE, "sqlite"),
  /** The shared production store: timestamptz and jsonb. */
  POSTGRESQL("PostgreSQL", SQLDialect.POSTGRES, "postgresql");

  /**
   * How long a SQLite connection waits for another connection's write lock before giving up.
   * Readers never wait in WAL mode; writers queue behind the one write transaction.
   */
  static final int SQLITE_BUSY_TIMEOUT_MILLIS = 10_000;

  /**
   * Pages of write-ahead log after which a committing SQLite connection copies the log into the
   * database file: ten times SQLite's default. A commit of a few hundred new alerts writes more
   * than 1,000 pages, so at the default every such commit ran a checkpoint on the alert writer's
   * thread, copying pages that the next commits write again (measured: about 3 µs of the writer's
   * CPU per new alert, BENCHMARKS.md "i22n").
   */
  public static final int SQLITE_WAL_AUTOCHECKPOINT_PAGES = 10_000;

  private static final Set<Integer> SQLITE_UNAVAILABLE = Set.of(5, 6, 10, 13, 14);

  private static final DataType<Instant> MICROS =
      SQLDataType.BIGINT.asConvertedDataType(
          Converter.ofNullable(Long.class, Instant.class, Micros::toInstant, Micros::of));
  private static final DataType<String> JSONB_TEXT =
      SQLDataType.JSONB.asConvertedDataType(
          Converter.ofNullable(JSONB.class, String.class, JSONB::data, JSONB::jsonb));

  private final String productName;
  private final SQLDialect sqlDialect;
  private final String folder;

  Dialect(String productName, SQLDialect sqlDialect, String folder) {
    this.productName = productName;
    this.sqlDialect = sqlDialect;
    this.folder = folder;
  }

  /** The name the JDBC driver reports for the database ({@code SQLite}, {@code PostgreSQL}). */
  public String productName() {
    return productName;
  }

  /** The folder of this dialect's migrations in each of the {@link Schema}'s locations. */
  public String folder() {
    return folder;
  }

  /**
   * A JDBC URL for a SQLite file, with the per-connection settings the store needs: {@code
   * foreign_keys} (subject deletes cascade only when it is on, and SQLite resets it on every new
   * connection), {@code busy_timeout}, immediate transactions and {@code wal_autocheckpoint}
   * ({@link #SQLITE_WAL_AUTOCHECKPOINT_PAGES}). A deferred transaction that reads and then writes
   * fails at once with SQLITE_BUSY when another connection wrote meanwhile (the busy timeout does
   * not apply to that upgrade); an immediate one waits its turn instead. The SQLite driver applies
   * URL parameters to every connection it opens, so every connection of a pool gets them.
   */
  public static String sqliteUrl(Path file) {
    return "jdbc:sqlite:"
        + file.toAbsolutePath()
        + "?foreign_keys=true&journal_mode=WAL&transaction_mode=IMMEDIATE&busy_timeout="
        + SQLITE_BUSY_TIMEOUT_MILLIS
        + "&wal_autocheckpoint="
        + SQLITE_WAL_AUTOCHECKPOINT_PAGES;
  }

  /**
   * The dialect of a driver's product name.
   *
   * @throws IllegalArgumentException for any database but SQLite and PostgreSQL
   */
  public static Dialect ofProductName(String name) {
    for (Dialect dialect : values()) {
      if (dialect.productName.equalsIgnoreCase(name.trim())) {
        return dialect;
      }
    }
    throw new IllegalArgumentException(
        "the alert store runs on SQLite or PostgreSQL, not on '" + name + "'");
  }

  public SQLDialect sqlDialect() {
    return sqlDialect;
  }

  public DataType<Instant> timestamp() {
    return this == SQLITE ? MICROS : SQLDataType.INSTANT;
  }

  /** JSON as its text in Java; stored as TEXT on SQLite, as jsonb on PostgreSQL. */
  public DataType<String> json() {
    return this == SQLITE ? SQLDataType.VARCHAR : JSONB_TEXT;
  }

  /**
   * The attribute {@code name} of a JSON object column, in its text form, equals {@code value}:
   * strings as they are, numbers as their digits, booleans as {@code true}/{@code false}. Both the
   * name and the value are bind values.
   */
  public Condition attributeEquals(Field<String> attributes, String name, String value) {
    if (this == POSTGRESQL) {
      return DSL.jsonbGetAttributeAsText(attributes.coerce(SQLDataType.JSONB), DSL.val(name))
          .eq(value);
    }
    // json_extract returns 1/0 for true/false, so booleans are spelled out from json_type.
    // A path names a key in double quotes and compares it as written in the JSON text, so a key
    // with a quote, a backslash or a control character (escaped in JSON) is found by json_each.
    if (name.chars().allMatch(c -> c >= ' ' && c != '"' && c != '\\')) {
      return DSL.condition(
          "(case json_type({0}, {1}) when 'true' then 'true' when 'false' then 'false'"
              + " else cast(json_extract({0}, {1}) as text) end) = {2}",
          attributes, DSL.val("$.\"" + name + "\""), DSL.val(value));
    }
    return DSL.condition(
        "exists (select 1 from json_each({0}) where key = {1} and (case type when 'true'"
            + " then 'true' when 'false' then 'false' else cast(value as text) end) = {2})",
        attributes, DSL.val(name), DSL.val(value));
  }

  /**
   * An UPDATE that assigns an indexed column rewrites its index entries even when the value is the
   * same (SQLite). PostgreSQL compares the values, and skips the indexes when none changed.
   */
  public boolean assignmentRewritesIndexes() {
    return this == SQLITE;
  }

  /**
   * Many rows are cheapest as a JDBC batch of one prepared row on SQLite, which runs in-process;
   * PostgreSQL executes every statement of a batch on its own, so one multi-row insert is cheaper.
   */
  public boolean prefersRowBatches() {
    return this == SQLITE;
  }

  /**
   * Whether the count tables' insert triggers count new alerts: PostgreSQL's count per statement;
   * SQLite's counted per row (two upserts per new alert) until V16 dropped them, and the alert
   * writer adds a commit's new alerts itself, one upsert per kind.
   */
  public boolean countsNewAlertsByTrigger() {
    return this != SQLITE;
  }

  /**
   * Whether the partitions' writers commit together when they commit at about the same time: on
   * PostgreSQL each transaction costs round trips, a backend's wake-up and a WAL flush, so a
   * request spread over 16 partitions paid 16 of each. SQLite runs one partition by default, and
   * its writers take turns on the write lock anyway.
   */
  public boolean joinsPartitionCommits() {
    return this == POSTGRESQL;
  }

  /**
   * Lets the current transaction commit without waiting for its WAL to reach the disk, where the
   * database allows it per transaction (PostgreSQL: {@code synchronous_commit = off} for this
   * transaction only; SQLite: nothing). A crash of the database may then lose the transaction,
   * whole, unless a later synchronous commit flushed the WAL past it: only for work on which
   * nothing was acknowledged and that is done again after such a crash.
   */
  public void deferFlushOfTransaction(Connection connection) throws SQLException {
    if (this != POSTGRESQL) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("set local synchronous_commit = off");
    }
  }

  /** Binds an instant as this database stores it: microseconds on SQLite, timestamptz else. */
  public void bind(PreparedStatement statement, int index, @Nullable Instant instant)
      throws SQLException {
    if (this == SQLITE) {
      if (instant == null) {
        statement.setNull(index, Types.BIGINT);
      } else {
        statement.setLong(index, Micros.of(instant));
      }
    } else if (instant == null) {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
    }
  }

  /**
   * Checks what must hold on every connection, and sets what is kept in the database itself.
   *
   * @throws IllegalArgumentException when the data source's connections are set up wrong
   */
  public void prepare(Connection connection) throws SQLException {
    if (this != SQLITE) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      if (pragma(statement, "foreign_keys") != 1) {
        throw new IllegalArgumentException(
            "SQLite connections must enforce foreign keys (subject deletes cascade to alerts):"
                + " open them with ?foreign_keys=true in the JDBC URL, see Dialect.sqliteUrl");
      }
      // Kept in the database file: readers no longer block the writer, nor it them.
      statement.execute("pragma journal_mode = wal");
    }
  }

  /** The failure is a unique or primary key violation. */
  public boolean isDuplicate(SQLException failure) {
    if (this == SQLITE) {
      // A batch reports the constraint only in its message, not in its error code.
      String message = String.valueOf(failure.getMessage());
      return message.contains("UNIQUE constraint failed")
          || message.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
          || message.contains("SQLITE_CONSTRAINT_UNIQUE");
    }
    return "23505".equals(failure.getSQLState());
  }

  /** The failure means the database cannot be reached or is busy: the caller may retry later. */
  public boolean isUnavailable(SQLException failure) {
    if (failure instanceof SQLTransientConnectionException
        || failure instanceof SQLNonTransientConnectionException) {
      return true;
    }
    String state = failure.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
      return true; // connection exceptions; PostgreSQL shutting down or not yet accepting
    }
    if ("40P01".equals(state) || "40001".equals(state)) {
      return true; // a deadlock or serialization failure (partitions committing side by side)
    }
    // SQLite's primary result codes: busy, locked, I/O error, disk full, cannot open the file.
    return this == SQLITE && SQLITE_UNAVAILABLE.contains(failure.getErrorCode() & 0xff);
  }

  private static long pragma(Statement statement, String name) throws SQLException {
    try (var result = statement.executeQuery("pragma " + name.toLowerCase(Locale.ROOT))) {
      return result.next() ? result.getLong(1) : 0;
    }
  }
}
