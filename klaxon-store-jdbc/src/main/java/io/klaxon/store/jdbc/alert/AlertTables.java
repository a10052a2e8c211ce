package io.klaxon.store.jdbc.alert;

import static io.klaxon.store.jdbc.Columns.column;
import static io.klaxon.store.jdbc.Columns.text;
import static org.jooq.impl.DSL.name;

import io.klaxon.store.jdbc.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * The store's tables and columns, written by hand instead of generated, typed for one dialect:
 * timestamps are {@code Field<Instant>} and JSON is {@code Field<String>} on both databases.
 */
public final class AlertTables {

  public final Subjects subjects;
  final Alerts alerts;
  final History history;
  final AlertIds alertIds;
  final Feed feed;
  final Log log;
  final AlertCounts alertCounts;
  final AlertCounts alertTimeCounts;

  public AlertTables(Dialect dialect) {
    DataType<Instant> time = dialect.timestamp();
    DataType<String> json = dialect.json();
    subjects = new Subjects(time, json);
    alerts = new Alerts(time, json);
    history = new History(time, json);
    alertIds = new AlertIds();
    feed = new Feed();
    log = new Log();
    alertCounts = new AlertCounts("alert_counts", null);
    alertTimeCounts = new AlertCounts("alert_counts_by_time", time);
  }

  /** {@code subjects}: what alerts are about, one row per (type, key). */
  public static final class Subjects {
    static final String NAME = "subjects";
    public final Table<Record> table = DSL.table(name(NAME));
    public final Field<String> type = text(NAME, "type");
    public final Field<String> key = text(NAME, "key");
    public final Field<String> name = text(NAME, "name");
    final Field<Instant> startsAt;
    final Field<String> attributes;

    private Subjects(DataType<Instant> time, DataType<String> json) {
      startsAt = column(NAME, "starts_at", time);
      attributes = column(NAME, "attributes", json);
    }

    public List<Field<?>> columns() {
      return List.of(type, key, name, startsAt, attributes);
    }
  }

  /**
   * {@code alerts}: one row per alert, its current state; with {@code alert_occurrences}, the row
   * of the three columns every re-trigger moves (occurrences, last sighting, version).
   *
   * <p>Those three live in a narrow table of their own so that the materializer's fold rewrites
   * rows of 14 bytes (195 to a page on SQLite) instead of whole alerts: on SQLite the fold wrote
   * each re-triggered alert's page (eight rows to a page) to the WAL and again at the checkpoint,
   * 267 MiB/s under re-triggers (BENCHMARKS.md, "Quiet runs, session 9"). Every read of an alert
   * joins the two ({@link #withOccurrences()}); {@link #columns()} lists the columns of both.
   */
  static final class Alerts {
    static final String NAME = "alerts";
    static final String OCCURRENCES_NAME = "alert_occurrences";
    public final Table<Record> table = DSL.table(name(NAME));
    final Table<Record> occurrencesTable = DSL.table(name(OCCURRENCES_NAME));
    final Field<Long> id = column(NAME, "id", SQLDataType.BIGINT);
    final Field<Long> occurrencesId = column(OCCURRENCES_NAME, "id", SQLDataType.BIGINT);
    final Field<String> fingerprint = text(NAME, "fingerprint");
    final Field<String> source = text(NAME, "source");
    public final Field<String> type = text(NAME, "type");
    final Field<String> severity = text(NAME, "severity");
    final Field<String> status = text(NAME, "status");
    final Field<String> title = text(NAME, "title");
    final Field<String> message = text(NAME, "message");
    final Field<String> subjectType = text(NAME, "subject_type");
    final Field<String> subjectKey = text(NAME, "subject_key");
    final Field<String> subjectName = text(NAME, "subject_name");
    final Field<Double> value = column(NAME, "value", SQLDataType.DOUBLE);
    final Field<Double> previousValue = column(NAME, "previous_value", SQLDataType.DOUBLE);
    final Field<Double> threshold = column(NAME, "threshold", SQLDataType.DOUBLE);
    final Field<Double> changePercent = column(NAME, "change_percent", SQLDataType.DOUBLE);
    final Field<String> attributes;
    final Field<Long> occurrences = column(OCCURRENCES_NAME, "occurrences", SQLDataType.BIGINT);
    final Field<Instant> detectedAt;
    final Field<Instant> lastSeenAt;
    final Field<Instant> acknowledgedAt;
    final Field<Instant> resolvedAt;
    final Field<String> acknowledgedBy = text(NAME, "acknowledged_by");
    final Field<String> resolvedBy = text(NAME, "resolved_by");
    final Field<Instant> expiresAt;
    final Field<Boolean> autoResolved = column(NAME, "auto_resolved", SQLDataType.BOOLEAN);
    final Field<String> previousSeverity = text(NAME, "previous_severity");
    final Field<Long> version = column(OCCURRENCES_NAME, "version", SQLDataType.BIGINT);
    final Field<String> suppressedBy;

    /** The engine partition of the alert ({@link io.klaxon.alert.Partitioning}), set on insert. */
    final Field<Long> enginePartition = column(NAME, "engine_partition", SQLDataType.BIGINT);

    private final Table<Record> withOccurrences;

    private Alerts(DataType<Instant> time, DataType<String> json) {
      withOccurrences = table.join(occurrencesTable).on(occurrencesId.eq(id));
      attributes = column(NAME, "attributes", json);
      suppressedBy = column(NAME, "suppressed_by", json);
      detectedAt = column(NAME, "detected_at", time);
      lastSeenAt = column(OCCURRENCES_NAME, "last_seen_at", time);
      acknowledgedAt = column(NAME, "acknowledged_at", time);
      resolvedAt = column(NAME, "resolved_at", time);
      expiresAt = column(NAME, "expires_at", time);
    }

    /** Every column, in the order of {@link AlertRows#values}. */
    public List<Field<?>> columns() {
      return List.of(
          id,
          fingerprint,
          source,
          type,
          severity,
          status,
          title,
          message,
          subjectType,
          subjectKey,
          subjectName,
          value,
          previousValue,
          threshold,
          changePercent,
          attributes,
          occurrences,
          detectedAt,
          lastSeenAt,
          acknowledgedAt,
          acknowledgedBy,
          resolvedAt,
          resolvedBy,
          expiresAt,
          autoResolved,
          previousSeverity,
          version,
          suppressedBy);
    }

    /** The columns of {@code alert_occurrences}, in the order of {@link AlertRows#occurrences}. */
    List<Field<?>> occurrencesColumns() {
      return List.of(occurrencesId, occurrences, lastSeenAt, version);
    }

    /** Whether a column of {@link #columns()} is one of {@code alert_occurrences}. */
    boolean inOccurrences(Field<?> column) {
      return column.equals(occurrences) || column.equals(lastSeenAt) || column.equals(version);
    }

    /**
     * The columns of {@code alerts} and the partition, in the order of {@link
     * AlertRows#insertValues}.
     */
    List<Field<?>> insertColumns() {
      List<Field<?>> columns = new java.util.ArrayList<>(columns());
      columns.removeIf(this::inOccurrences);
      columns.add(enginePartition);
      return List.copyOf(columns);
    }

    /** {@code alerts} joined to its row of {@code alert_occurrences}: what reads select from. */
    Table<Record> withOccurrences() {
      return withOccurrences;
    }
  }

  /**
   * {@code alert_history}: one row per material change of an alert, and summaries of re-triggers,
   * append-only.
   */
  static final class History {
    static final String NAME = "alert_history";
    public final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> id = column(NAME, "id", SQLDataType.BIGINT);
    final Field<Long> alertId = column(NAME, "alert_id", SQLDataType.BIGINT);
    final Field<Long> version = column(NAME, "version", SQLDataType.BIGINT);
    final Field<Instant> at;
    final Field<String> actor = text(NAME, "actor");
    final Field<String> action = text(NAME, "action");
    final Field<String> fromStatus = text(NAME, "from_status");
    final Field<String> toStatus = text(NAME, "to_status");
    final Field<String> changes;
    final Field<String> note = text(NAME, "note");

    /** Whether the row is a material change, one the change feed carries. */
    final Field<Boolean> material = column(NAME, "material", SQLDataType.BOOLEAN);

    /** A material change's place in the change feed, in commit order; null for the others. */
    final Field<Long> feedPosition = column(NAME, "feed_position", SQLDataType.BIGINT);

    private History(DataType<Instant> time, DataType<String> json) {
      at = column(NAME, "at", time);
      changes = column(NAME, "changes", json);
    }

    /** The columns written on insert (the id is the database's), as in {@link AlertRows}. */
    List<Field<?>> insertColumns() {
      return List.of(
          alertId, version, at, actor, action, fromStatus, toStatus, changes, note, material);
    }

    /** The columns written on insert and the feed position, as in {@link AlertRows}. */
    List<Field<?>> writtenColumns() {
      List<Field<?>> columns = new java.util.ArrayList<>(insertColumns());
      columns.add(feedPosition);
      return List.copyOf(columns);
    }
  }

  /** {@code alert_feed}: one row, the last change feed position handed out. */
  static final class Feed {
    static final String NAME = "alert_feed";
    public final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> lastPosition = column(NAME, "last_position", SQLDataType.BIGINT);
  }

  /**
   * {@code alert_log}: pure re-triggers, one row per group commit of a partition, until the
   * materializer folds them into {@code alerts} (see {@link AlertLog}).
   */
  static final class Log {
    static final String NAME = "alert_log";
    public final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> seq = column(NAME, "seq", SQLDataType.BIGINT);
    final Field<Long> partition = column(NAME, "engine_partition", SQLDataType.BIGINT);
    final Field<byte[]> entry = column(NAME, "entry", SQLDataType.BLOB);
  }

  /**
   * {@code alert_counts} and {@code alert_counts_by_time}: how many alerts there are per status,
   * severity, source and type (per ten minutes of detection time in the second), kept exact by
   * triggers on {@code alerts}.
   */
  static final class AlertCounts {
    /** The width of a time bucket: ranges on its multiples can be counted by bucket. */
    static final Duration BUCKET = Duration.ofMinutes(10);

    public final Table<Record> table;
    final Field<String> status;
    final Field<String> severity;
    final Field<String> source;
    public final Field<String> type;
    final Field<Long> n;

    /** The bucket's start, for the table per detection time; null for the other. */
    final @Nullable Field<Instant> bucket;

    private AlertCounts(String name, @Nullable DataType<Instant> time) {
      table = DSL.table(name(name));
      status = text(name, "status");
      severity = text(name, "severity");
      source = text(name, "source");
      type = text(name, "type");
      n = column(name, "n", SQLDataType.BIGINT);
      bucket = time == null ? null : column(name, "bucket", time);
    }
  }

  /**
   * {@code alert_ids}: one row, the end of the last block of ids reserved, and the largest id of a
   * deleted alert (kept by a trigger) or recorded before blocks.
   */
  static final class AlertIds {
    static final String NAME = "alert_ids";
    public final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> lastId = column(NAME, "last_id", SQLDataType.BIGINT);
    final Field<Long> reservedThrough = column(NAME, "reserved_through", SQLDataType.BIGINT);
  }
}
