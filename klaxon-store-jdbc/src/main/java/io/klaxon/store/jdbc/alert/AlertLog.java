package io.klaxon.store.jdbc.alert;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.store.AlertCounts;
import io.klaxon.store.ChangeSet.AlertUpdate;
import io.klaxon.store.Retriggers;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.JdbcBatch;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * The re-trigger log ({@code alert_log}, log first): a group commit's pure re-triggers as one
 * compact row, instead of one row update per alert, and the materializer's fold of the latest
 * counts into {@code alert_occurrences}. An entry holds, per alert, its id, occurrences, last
 * sighting (microseconds) and version as big-endian 64-bit numbers. Folding writes a row only where
 * its version is lower, so an old entry replayed after a newer change never moves an alert
 * backwards.
 */
final class AlertLog {

  private static final int BYTES_PER_ALERT = 4 * Long.BYTES;

  /** Log entries per delete statement: well under either database's limit of bind values. */
  private static final int DELETE_CHUNK = 1_000;

  /** Alerts per statement (or JDBC batch) of a fold. */
  private static final int FOLD_CHUNK = 2_000;

  private static final String FOLD_FROM_ARRAYS =
      "update alert_occurrences set occurrences = v.occurrences,"
          + " last_seen_at = timestamptz 'epoch' + v.seen * interval '1 microsecond',"
          + " version = v.version"
          + " from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])"
          + " as v(id, occurrences, seen, version)"
          + " where alert_occurrences.id = v.id and alert_occurrences.version < v.version";

  private static final String DELETE_FROM_ARRAY =
      "delete from " + AlertTables.Log.NAME + " where seq = any(?::bigint[])";

  private static final String APPEND_COLUMNS = " (engine_partition, entry) values ";

  private final Dialect dialect;
  private final AlertTables.Log log;
  private final JdbcBatch foldRows;

  /** The fold's row update, bound by {@link #updateRows} on SQLite. */
  private final String foldRowsSql;

  AlertLog(DSLContext dsl, Dialect dialect, AlertTables tables) {
    this.dialect = dialect;
    this.log = tables.log;
    AlertTables.Alerts a = tables.alerts;
    // update alert_occurrences set occurrences = ?, last_seen_at = ?, version = ?
    // where id = ? and version < ?
    var update =
        dsl.update(a.occurrencesTable)
            .set(a.occurrences, DSL.param(a.occurrences))
            .set(a.lastSeenAt, DSL.param(a.lastSeenAt))
            .set(a.version, DSL.param(a.version))
            .where(a.occurrencesId.eq(DSL.param(a.occurrencesId)))
            .and(a.version.lt(DSL.param(a.version)));
    this.foldRows =
        new JdbcBatch(
            dsl,
            dialect,
            update,
            List.of(a.occurrences, a.lastSeenAt, a.version, a.occurrencesId, a.version));
    this.foldRowsSql = dsl.render(update);
  }

  /** Appends the re-triggers as one entry of the partition's log; returns the entry's number. */
  long append(DSLContext tx, int partition, List<AlertUpdate> retriggered) {
    Long seq =
        tx.insertInto(log.table, log.partition, log.entry)
            .values((long) partition, entry(retriggered))
            .returningResult(log.seq)
            .fetchOne(log.seq);
    if (seq == null) {
      throw new IllegalStateException("the re-trigger log gave no number to its new entry");
    }
    return seq;
  }

  /**
   * Appends one entry per share, each to its partition's log, in one statement (joint commits);
   * returns the entries' numbers in the order of the shares.
   */
  long[] append(DSLContext tx, List<Retriggers> shares) {
    return append(tx, shares, List.of());
  }

  /**
   * Appends one entry per share as {@link #append(DSLContext, List)} does, and inserts {@code
   * summaries} (history rows that are not material: the re-triggers' summaries) in the same
   * statement, so that both commit or neither (PostgreSQL only).
   */
  long[] append(DSLContext tx, List<Retriggers> shares, List<HistoryEntry> summaries) {
    if (shares.isEmpty()) {
      if (!summaries.isEmpty()) {
        throw new IllegalArgumentException("summaries ride a log entry: there is none");
      }
      return new long[0];
    }
    if (!summaries.isEmpty() && dialect.prefersRowBatches()) {
      throw new IllegalStateException("summaries join a log insert on PostgreSQL only");
    }
    // The rows take their numbers in the order of the VALUES list.
    long[] numbers = tx.connectionResult(connection -> appendRows(connection, shares, summaries));
    Arrays.sort(numbers);
    if (numbers.length != shares.size()) {
      throw new IllegalStateException(
          "the re-trigger log numbered " + numbers.length + " of " + shares.size() + " entries");
    }
    return numbers;
  }

  /**
   * The joint commit's insert as plain JDBC, one statement text per number of shares: rendered by
   * jOOQ, it was 15% of the partition writers' CPU in a profile of PostgreSQL re-triggers (its SQL
   * built anew for every commit); the driver prepares each text (one per number of shares) once on
   * the server. Summaries go first, as a data-modifying {@code WITH} that PostgreSQL runs exactly
   * once whether or not the insert reads it.
   */
  private static long[] appendRows(
      Connection connection, List<Retriggers> shares, List<HistoryEntry> summaries)
      throws SQLException {
    String sql = appendSql(shares.size());
    if (!summaries.isEmpty()) {
      sql = "with summaries as (" + HistoryArrayInsert.SQL + ") " + sql;
    }
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int parameter = 1;
      if (!summaries.isEmpty()) {
        List<AlertRows.FeedEntry> rows = new ArrayList<>(summaries.size());
        for (HistoryEntry summary : summaries) {
          if (summary.isMaterial()) {
            throw new IllegalArgumentException("a material change is not a summary: " + summary);
          }
          rows.add(new AlertRows.FeedEntry(summary, null));
        }
        parameter = HistoryArrayInsert.bind(insert, parameter, rows);
      }
      for (Retriggers share : shares) {
        insert.setInt(parameter++, share.partition());
        insert.setBytes(parameter++, entry(share.alerts()));
      }
      long[] numbers = new long[shares.size()];
      int count = 0;
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next() && count < numbers.length) {
          numbers[count++] = rows.getLong(1);
        }
      }
      return count == numbers.length ? numbers : Arrays.copyOf(numbers, count);
    }
  }

  private static String appendSql(int rows) {
    StringBuilder sql =
        new StringBuilder("insert into ").append(AlertTables.Log.NAME).append(APPEND_COLUMNS);
    for (int row = 0; row < rows; row++) {
      sql.append(row == 0 ? "(?, ?)" : ", (?, ?)");
    }
    return sql.append(" returning seq").toString();
  }

  private static byte[] entry(List<AlertUpdate> retriggered) {
    ByteBuffer entry = ByteBuffer.allocate(retriggered.size() * BYTES_PER_ALERT);
    for (AlertUpdate update : retriggered) {
      Alert alert = update.alert();
      entry.putLong(alert.id());
      entry.putLong(alert.occurrences());
      entry.putLong(AlertCounts.micros(alert.lastSeenAt()));
      entry.putLong(alert.version());
    }
    return entry.array();
  }

  /**
   * Writes the alerts' counts into their rows where older, and deletes the entries folded.
   *
   * <p>The transaction does not wait for the disk as it commits (PostgreSQL): nothing is answered
   * on a fold, as its re-triggers were durable in the log already, and a fold lost in a crash of
   * the database is lost whole, its log entries with it, which {@link #recover} folds again. On the
   * writer's thread the partition's next commit waited for that WAL flush, 64 times a second.
   */
  void fold(DSLContext tx, AlertCounts alerts, List<Long> entries) {
    tx.connection(dialect::deferFlushOfTransaction);
    if (!alerts.isEmpty()) {
      if (dialect.prefersRowBatches()) {
        tx.connection(connection -> updateRows(connection, alerts));
      } else {
        // A chunk at a time: what one chunk's statement binds dies before the next one is built.
        for (int from = 0; from < alerts.size(); from += FOLD_CHUNK) {
          int to = Math.min(alerts.size(), from + FOLD_CHUNK);
          List<long[]> counts = new ArrayList<>(to - from);
          for (int i = from; i < to; i++) {
            counts.add(
                new long[] {
                  alerts.id(i), alerts.occurrences(i), alerts.lastSeenMicros(i), alerts.version(i)
                });
          }
          writeCounts(tx, counts);
        }
      }
    }
    delete(tx, entries);
  }

  /**
   * The fold's row updates as a JDBC batch of plain longs (SQLite keeps instants as microseconds):
   * jOOQ's row of boxed values per alert, bound through {@code setObject}, cost more than SQLite's
   * update of the row, on the writer's thread.
   */
  private void updateRows(Connection connection, AlertCounts alerts) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(foldRowsSql)) {
      for (int from = 0; from < alerts.size(); from += FOLD_CHUNK) {
        int to = Math.min(alerts.size(), from + FOLD_CHUNK);
        for (int i = from; i < to; i++) {
          long version = alerts.version(i);
          update.setLong(1, alerts.occurrences(i));
          update.setLong(2, alerts.lastSeenMicros(i));
          update.setLong(3, version);
          update.setLong(4, alerts.id(i));
          update.setLong(5, version);
          update.addBatch();
        }
        update.executeBatch();
      }
    }
  }

  /**
   * Folds every entry of the partition's log (of every partition when null) into the rows and
   * deletes them: what a crash left between a log commit and its materialization.
   *
   * @return how many entries were folded
   */
  int recover(DSLContext tx, @Nullable Integer partition) {
    var select = tx.select(log.seq, log.entry).from(log.table);
    List<Record2<Long, byte[]>> found =
        (partition == null
                ? select.orderBy(log.seq)
                : select.where(log.partition.eq((long) partition)).orderBy(log.seq))
            .fetch();
    if (found.isEmpty()) {
      return 0;
    }
    Map<Long, long[]> latest = new HashMap<>();
    List<Long> entries = new ArrayList<>(found.size());
    for (Record2<Long, byte[]> row : found) {
      entries.add(row.value1());
      ByteBuffer entry = ByteBuffer.wrap(row.value2());
      while (entry.remaining() >= BYTES_PER_ALERT) {
        long[] counts = {entry.getLong(), entry.getLong(), entry.getLong(), entry.getLong()};
        latest.merge(counts[0], counts, (was, now) -> now[3] > was[3] ? now : was);
      }
    }
    writeCounts(tx, List.copyOf(latest.values()));
    delete(tx, entries);
    return entries.size();
  }

  /**
   * Deletes log entries: on PostgreSQL one prepared statement over an array, whose text is the same
   * for every fold (an {@code in} list of each fold's length was rendered, parsed and planned anew
   * 64 times a second); on SQLite {@code in} lists of up to {@link #DELETE_CHUNK}.
   */
  private void delete(DSLContext tx, List<Long> entries) {
    if (entries.isEmpty()) {
      return;
    }
    if (!dialect.prefersRowBatches()) {
      tx.connection(connection -> deleteFromArray(connection, entries));
      return;
    }
    for (int from = 0; from < entries.size(); from += DELETE_CHUNK) {
      List<Long> chunk = entries.subList(from, Math.min(entries.size(), from + DELETE_CHUNK));
      tx.deleteFrom(log.table).where(log.seq.in(chunk)).execute();
    }
  }

  private static void deleteFromArray(Connection connection, List<Long> entries)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(DELETE_FROM_ARRAY)) {
      statement.setObject(1, entries.stream().mapToLong(Long::longValue).toArray());
      statement.executeUpdate();
    }
  }

  /**
   * Writes (id, occurrences, last seen micros, version) into the rows whose version is lower: a
   * JDBC batch on SQLite, which runs in-process; one statement over arrays on PostgreSQL, which
   * would run each statement of a batch on its own.
   */
  private void writeCounts(DSLContext tx, List<long[]> counts) {
    if (counts.isEmpty()) {
      return;
    }
    if (dialect.prefersRowBatches()) {
      List<List<@Nullable Object>> rows = new ArrayList<>(counts.size());
      for (long[] c : counts) {
        rows.add(List.of(c[1], instant(c[2]), c[3], c[0], c[3]));
      }
      foldRows.execute(tx, rows);
      return;
    }
    tx.connection(connection -> foldFromArrays(connection, counts));
  }

  private static void foldFromArrays(Connection connection, List<long[]> counts)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(FOLD_FROM_ARRAYS)) {
      // Primitive arrays go to the server in binary (pgjdbc's ArrayEncoding): boxed ones were
      // written as text, every number printed here and parsed there.
      for (int column = 0; column < 4; column++) {
        long[] values = new long[counts.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = counts.get(i)[column];
        }
        statement.setObject(column + 1, values);
      }
      statement.executeUpdate();
    }
  }

  private static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }
}
