package io.klaxon.store.jdbc.alert;

import io.klaxon.alert.Alert;
import io.klaxon.store.AlertCounts;
import io.klaxon.store.ChangeSet.AlertUpdate;
import io.klaxon.store.ConcurrentChange;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.JdbcBatch;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Rewrites changed alerts under their optimistic lock, as JDBC batches: re-triggers make this the
 * hottest statement of all.
 *
 * <p>The lock is the version in {@code alert_occurrences}: a change writes that row first, only
 * where the version is still the one it read, then the rest of the alert into {@code alerts}. A
 * re-trigger writes only the first.
 *
 * <p>The fingerprint, source, type and detection time are fixed when an alert is created (the
 * engine never changes them), so updates leave them alone. On SQLite, which rewrites an index entry
 * whenever an update assigns one of its columns, the indexed columns that can change are written by
 * a second statement, only in the rows where one of them did change.
 */
final class AlertUpdates {

  /**
   * Pure re-triggers' counts into their rows in one statement on PostgreSQL (which would run each
   * statement of a JDBC batch on its own), under each row's optimistic lock.
   */
  private static final String COUNTS_FROM_ARRAYS =
      "update alert_occurrences set occurrences = v.occurrences,"
          + " last_seen_at = timestamptz 'epoch' + v.seen * interval '1 microsecond',"
          + " version = v.version"
          + " from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])"
          + " as v(id, occurrences, seen, version, expected)"
          + " where alert_occurrences.id = v.id and alert_occurrences.version = v.expected"
          + " returning alert_occurrences.id";

  private final AlertTables.Alerts alerts;
  private final AlertRows rows;
  private final Dialect dialect;

  /** Where the assigned, the counted and the indexed columns are in {@link AlertRows#values}. */
  private final int[] assignedAt;

  private final int[] countedAt;

  private final int[] indexedAt;
  private final JdbcBatch rest;
  private final @Nullable JdbcBatch indexedWhereChanged;

  /**
   * The counts (occurrences, last sighting, version) under the optimistic lock, as a batch of one
   * row each: every change's, and the re-triggers' where row batches are cheapest.
   */
  private final JdbcBatch counts;

  AlertUpdates(DSLContext dsl, Dialect dialect, AlertTables tables, AlertRows rows) {
    this.alerts = tables.alerts;
    this.rows = rows;
    this.dialect = dialect;
    // update alert_occurrences set occurrences = ?, last_seen_at = ?, version = ?
    // where id = ? and version = ?
    List<Field<?>> counted = List.of(alerts.occurrences, alerts.lastSeenAt, alerts.version);
    this.counts =
        new JdbcBatch(
            dsl,
            dialect,
            dsl.update(alerts.occurrencesTable)
                .set(assignments(counted))
                .where(alerts.occurrencesId.eq(DSL.param(alerts.occurrencesId)))
                .and(alerts.version.eq(DSL.param(alerts.version))),
            concat(counted, List.of(alerts.occurrencesId, alerts.version)));
    List<Field<?>> fixed =
        List.of(alerts.id, alerts.fingerprint, alerts.source, alerts.type, alerts.detectedAt);
    List<Field<?>> indexed =
        List.of(alerts.status, alerts.subjectType, alerts.subjectKey, alerts.expiresAt);
    boolean split = dialect.assignmentRewritesIndexes();
    List<Field<?>> assigned =
        alerts.columns().stream()
            .filter(column -> !fixed.contains(column) && !(split && indexed.contains(column)))
            .filter(column -> !alerts.inOccurrences(column))
            .toList();
    assignedAt = positions(assigned);
    countedAt = positions(counted);
    indexedAt = positions(indexed);

    // update alerts set <assigned> where id = ?: after the counts' row, which holds the lock
    rest =
        new JdbcBatch(
            dsl,
            dialect,
            dsl.update(alerts.table)
                .set(assignments(assigned))
                .where(alerts.id.eq(DSL.param(alerts.id))),
            concat(assigned, List.of(alerts.id)));
    // update alerts set <indexed> where id = ? and (<any indexed> is distinct from <new>)
    indexedWhereChanged =
        split
            ? new JdbcBatch(
                dsl,
                dialect,
                dsl.update(alerts.table)
                    .set(assignments(indexed))
                    .where(alerts.id.eq(DSL.param(alerts.id)))
                    .and(DSL.or(indexed.stream().map(AlertUpdates::distinctFromParam).toList())),
                concat(concat(indexed, List.of(alerts.id)), indexed))
            : null;
  }

  /**
   * @throws ConcurrentChange when an alert is no longer at its expected version
   */
  void apply(DSLContext tx, List<AlertUpdate> updates) {
    if (updates.isEmpty()) {
      return;
    }
    List<List<@Nullable Object>> all = new ArrayList<>(updates.size());
    List<List<@Nullable Object>> counted = new ArrayList<>(updates.size());
    List<List<@Nullable Object>> values = new ArrayList<>(updates.size());
    for (AlertUpdate update : updates) {
      List<@Nullable Object> alert = rows.values(update.alert());
      all.add(alert);
      List<@Nullable Object> count = pick(alert, countedAt);
      count.add(update.alert().id());
      count.add(update.expectedVersion());
      counted.add(count);
      List<@Nullable Object> row = pick(alert, assignedAt);
      row.add(update.alert().id());
      values.add(row);
    }
    requireEveryRowUpdated(counts.execute(tx, counted), updates);
    rest.execute(tx, values);
    if (indexedWhereChanged != null) {
      values.clear();
      for (List<@Nullable Object> alert : all) {
        List<@Nullable Object> row = pick(alert, indexedAt);
        row.add(alert.getFirst()); // the id
        row.addAll(pick(alert, indexedAt));
        values.add(row);
      }
      indexedWhereChanged.execute(tx, values);
    }
  }

  /**
   * Writes pure re-triggers into their rows of {@code alert_occurrences}: only occurrences, last
   * sighting and version moved, so only those are written (no labels or attributes rendered again),
   * under each row's optimistic lock.
   *
   * @throws ConcurrentChange when an alert is no longer at its expected version
   */
  void applyRetriggers(DSLContext tx, List<AlertUpdate> retriggered) {
    if (retriggered.isEmpty()) {
      return;
    }
    if (dialect.prefersRowBatches()) {
      List<List<@Nullable Object>> values = new ArrayList<>(retriggered.size());
      for (AlertUpdate update : retriggered) {
        Alert alert = update.alert();
        values.add(
            List.of(
                alert.occurrences(),
                alert.lastSeenAt(),
                alert.version(),
                alert.id(),
                update.expectedVersion()));
      }
      requireEveryRowUpdated(counts.execute(tx, values), retriggered);
      return;
    }
    Set<Long> written =
        tx.connectionResult(connection -> countsFromArrays(connection, retriggered));
    for (AlertUpdate update : retriggered) {
      if (!written.contains(update.alert().id())) {
        throw new ConcurrentChange(update.alert().id(), update.expectedVersion());
      }
    }
  }

  private static Set<Long> countsFromArrays(Connection connection, List<AlertUpdate> retriggered)
      throws SQLException {
    int n = retriggered.size();
    Long[][] columns = new Long[5][n];
    for (int i = 0; i < n; i++) {
      AlertUpdate update = retriggered.get(i);
      Alert alert = update.alert();
      columns[0][i] = alert.id();
      columns[1][i] = alert.occurrences();
      columns[2][i] = AlertCounts.micros(alert.lastSeenAt());
      columns[3][i] = alert.version();
      columns[4][i] = update.expectedVersion();
    }
    try (PreparedStatement statement = connection.prepareStatement(COUNTS_FROM_ARRAYS)) {
      for (int column = 0; column < columns.length; column++) {
        Array array = connection.createArrayOf("bigint", columns[column]);
        statement.setArray(column + 1, array);
      }
      Set<Long> written = new HashSet<>(2 * n);
      try (ResultSet ids = statement.executeQuery()) {
        while (ids.next()) {
          written.add(ids.getLong(1));
        }
      }
      return written;
    }
  }

  private static <T> Condition distinctFromParam(Field<T> column) {
    return column.isDistinctFrom(DSL.param(column));
  }

  private static Map<Field<?>, Field<?>> assignments(List<Field<?>> columns) {
    Map<Field<?>, Field<?>> assignments = new LinkedHashMap<>();
    for (Field<?> column : columns) {
      assignments.put(column, DSL.param(column));
    }
    return assignments;
  }

  private static List<Field<?>> concat(List<Field<?>> first, List<Field<?>> second) {
    List<Field<?>> both = new ArrayList<>(first);
    both.addAll(second);
    return both;
  }

  /** Some of an alert's column values (as {@link AlertRows#values} lists them), in order. */
  private static List<@Nullable Object> pick(List<@Nullable Object> alert, int[] positions) {
    List<@Nullable Object> values = new ArrayList<>(2 * positions.length + 2);
    for (int position : positions) {
      values.add(alert.get(position));
    }
    return values;
  }

  /** Where each column is in {@link AlertRows#values}: found once, as field equality is slow. */
  private int[] positions(List<Field<?>> columns) {
    return columns.stream().mapToInt(alerts.columns()::indexOf).toArray();
  }

  private static void requireEveryRowUpdated(int[] counts, List<AlertUpdate> updates) {
    for (int i = 0; i < counts.length; i++) {
      // Both drivers report a count per statement; a zero means another writer moved the row.
      if (counts[i] != 1) {
        AlertUpdate refused = updates.get(i);
        throw new ConcurrentChange(refused.alert().id(), refused.expectedVersion());
      }
    }
  }
}
