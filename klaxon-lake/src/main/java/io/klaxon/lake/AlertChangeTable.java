package io.klaxon.lake;

import static io.delta.kernel.types.DateType.DATE;
import static io.delta.kernel.types.LongType.LONG;
import static io.delta.kernel.types.StringType.STRING;
import static io.delta.kernel.types.TimestampType.TIMESTAMP;

import io.delta.kernel.types.StructType;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import io.klaxon.json.AlertJson;
import io.klaxon.store.AlertChange;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The Delta table of alert changes: one row per committed change of an alert (a history entry of
 * the {@link io.klaxon.store.ChangeFeed}), partitioned by the UTC date of the change, readable by
 * any Delta reader. See docs/LAKE.md for the columns.
 *
 * <p>Each append commits its rows together with Delta's idempotent-writer mark {@code txn} =
 * ({@value #WRITER_ID}, the feed position of its last row), so the position a writer reached is
 * kept in the table itself, in the same commit as the rows: {@link #lastPosition()} after a restart
 * is exactly what was committed. A reader removes duplicates, should a change ever be appended
 * twice, by {@code (alert_id, version)}.
 *
 * <p>Appends and compactions of one instance are serialised; one process writes a table.
 */
public final class AlertChangeTable {

  /** The idempotent writer's id under which the feed position is committed. */
  public static final String WRITER_ID = "klaxon-change-feed";

  /** The partition column: the UTC date of {@code changed_at}. */
  public static final String PARTITION = "change_date";

  /** The table's columns; the first ones carry file statistics for pruning. */
  static final StructType SCHEMA =
      new StructType()
          .add("position", LONG, false)
          .add("alert_id", LONG, false)
          .add("version", LONG, false)
          .add("changed_at", TIMESTAMP, false)
          .add("action", STRING, false)
          .add("status", STRING, false)
          .add("from_status", STRING)
          .add("severity", STRING, false)
          .add("type", STRING, false)
          .add("source", STRING, false)
          .add("fingerprint", STRING, false)
          .add("rule", STRING)
          .add("symbol", STRING)
          .add("strategy_id", STRING)
          .add("subject_type", STRING)
          .add("subject_key", STRING)
          .add("actor", STRING, false)
          .add("detected_at", TIMESTAMP, false)
          .add("last_seen_at", TIMESTAMP, false)
          .add("acknowledged_at", TIMESTAMP)
          .add("acknowledged_by", STRING)
          .add("resolved_at", TIMESTAMP)
          .add("resolved_by", STRING)
          .add("occurrences", LONG, false)
          .add("alert_version", LONG, false)
          .add("title", STRING, false)
          .add("message", STRING)
          .add("note", STRING)
          .add("changes", STRING, false)
          .add("attributes", STRING, false)
          .add(PARTITION, DATE, false);

  private final DeltaTable table;

  private AlertChangeTable(DeltaTable table) {
    this.table = table;
  }

  /**
   * Opens the change table in the directory, creating it when there is none.
   *
   * @throws IllegalStateException when the directory holds a Delta table of another schema
   */
  public static AlertChangeTable open(Path directory) {
    return new AlertChangeTable(DeltaTable.open(directory, SCHEMA, List.of(PARTITION)));
  }

  /**
   * The feed position of the last change committed to the table, 0 when none was: a writer resumes
   * after it.
   */
  public long lastPosition() {
    return table.transactionVersion(WRITER_ID).orElse(0L);
  }

  /**
   * Appends the changes, in feed order, in one commit that also records the position of the last
   * one. Nothing is written for an empty list.
   *
   * @return the table version committed, or the current one when there was nothing to write
   */
  public synchronized long append(List<AlertChange> changes) {
    if (changes.isEmpty()) {
      return table.version();
    }
    List<@Nullable Object[]> rows = new ArrayList<>(changes.size());
    long last = 0;
    for (AlertChange change : changes) {
      if (change.position() <= last) {
        throw new IllegalArgumentException(
            "changes must come in feed order: " + change.position() + " after " + last);
      }
      last = change.position();
      rows.add(row(change));
    }
    return table.append(rows, WRITER_ID, last);
  }

  /** Merges each day's small files into one; rows are kept as they are. */
  public synchronized Compaction compact() {
    return table.compact(cells -> true);
  }

  /** How many data files the table is made of now. */
  public int fileCount() {
    return table.fileCount();
  }

  private static @Nullable Object[] row(AlertChange change) {
    HistoryEntry entry = change.entry();
    Alert alert = change.alert();
    Subject subject = alert.subject();
    Map<String, Object> attributes = alert.attributes();
    AlertStatus from = entry.fromStatus();
    return new Object[] {
      change.position(),
      entry.alertId(),
      entry.version(),
      entry.at(),
      entry.action().word(),
      entry.toStatus().word(),
      from == null ? null : from.word(),
      alert.severity().word(),
      alert.type(),
      alert.source(),
      alert.fingerprint(),
      text(attributes.get("rule")),
      text(attributes.get("symbol")),
      text(attributes.get("strategyId")),
      subject == null ? null : subject.type(),
      subject == null ? null : subject.key(),
      entry.actor(),
      alert.detectedAt(),
      alert.lastSeenAt(),
      alert.acknowledgedAt(),
      alert.acknowledgedBy(),
      alert.resolvedAt(),
      alert.resolvedBy(),
      alert.occurrences(),
      alert.version(),
      alert.title(),
      alert.message(),
      entry.note(),
      AlertJson.write(entry.changes()),
      AlertJson.write(attributes),
      LocalDate.ofInstant(entry.at(), ZoneOffset.UTC)
    };
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : AlertJson.text(value);
  }
}
