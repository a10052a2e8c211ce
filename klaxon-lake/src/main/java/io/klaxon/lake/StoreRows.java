package io.klaxon.lake;

import static io.delta.kernel.types.BooleanType.BOOLEAN;
import static io.delta.kernel.types.DateType.DATE;
import static io.delta.kernel.types.DoubleType.DOUBLE;
import static io.delta.kernel.types.LongType.LONG;
import static io.delta.kernel.types.StringType.STRING;
import static io.delta.kernel.types.TimestampType.TIMESTAMP;

import io.delta.kernel.types.StructType;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.json.AlertJson;
import io.klaxon.store.ChangeSet.SubjectRef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the {@link DeltaAlertStore}'s one table: every row has a {@code kind} (the first
 * partition column) and a store-wide sequence number {@code seq} that orders the rows as they were
 * committed.
 *
 * <ul>
 *   <li>{@code alert}: one version of an alert, all of its fields;
 *   <li>{@code history}: one history entry;
 *   <li>{@code subject}: a subject inserted or refreshed;
 *   <li>{@code tombstone}: a deleted alert ({@code alert_id}) or subject ({@code subject_*});
 *   <li>{@code ids}: the highest alert id handed out, when no alert row shows it.
 * </ul>
 *
 * <p>The second partition column, {@code detected_date}, is the UTC date the alert was detected for
 * alert and history rows (it never changes, so every version of an alert is in the same partition),
 * and the date of the commit for the other kinds.
 */
final class StoreRows {

  static final String ALERT = "alert";
  static final String HISTORY = "history";
  static final String SUBJECT = "subject";
  static final String TOMBSTONE = "tombstone";
  static final String IDS = "ids";

  static final List<String> PARTITIONS = List.of("kind", "detected_date");

  static final StructType SCHEMA =
      new StructType()
          .add("kind", STRING, false)
          .add("detected_date", DATE, false)
          .add("seq", LONG, false)
          .add("alert_id", LONG)
          .add("version", LONG)
          .add("detected_at", TIMESTAMP)
          .add("type", STRING)
          .add("source", STRING)
          .add("status", STRING)
          .add("severity", STRING)
          .add("fingerprint", STRING)
          .add("subject_type", STRING)
          .add("subject_key", STRING)
          .add("last_seen_at", TIMESTAMP)
          .add("changed_at", TIMESTAMP)
          .add("action", STRING)
          .add("from_status", STRING)
          .add("actor", STRING)
          .add("title", STRING)
          .add("message", STRING)
          .add("value", DOUBLE)
          .add("previous_value", DOUBLE)
          .add("threshold", DOUBLE)
          .add("change_percent", DOUBLE)
          .add("occurrences", LONG)
          .add("acknowledged_at", TIMESTAMP)
          .add("acknowledged_by", STRING)
          .add("resolved_at", TIMESTAMP)
          .add("resolved_by", STRING)
          .add("expires_at", TIMESTAMP)
          .add("auto_resolved", BOOLEAN)
          .add("previous_severity", STRING)
          .add("subject_name", STRING)
          .add("subject_starts_at", TIMESTAMP)
          .add("note", STRING)
          .add("changes", STRING)
          .add("attributes", STRING);

  private StoreRows() {}

  private static @Nullable Object[] row(String kind, LocalDate date, long seq) {
    @Nullable Object[] row = new Object[SCHEMA.length()];
    row[0] = kind;
    row[1] = date;
    row[2] = seq;
    return row;
  }

  private static void set(@Nullable Object[] row, String column, @Nullable Object value) {
    row[SCHEMA.indexOf(column)] = value;
  }

  static LocalDate date(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  static @Nullable Object[] alert(Alert alert, long seq) {
    @Nullable Object[] row = row(ALERT, date(alert.detectedAt()), seq);
    set(row, "alert_id", alert.id());
    set(row, "version", alert.version());
    set(row, "detected_at", alert.detectedAt());
    set(row, "type", alert.type());
    set(row, "source", alert.source());
    set(row, "status", alert.status().word());
    set(row, "severity", alert.severity().word());
    set(row, "fingerprint", alert.fingerprint());
    Subject subject = alert.subject();
    if (subject != null) {
      set(row, "subject_type", subject.type());
      set(row, "subject_key", subject.key());
    }
    set(row, "last_seen_at", alert.lastSeenAt());
    set(row, "title", alert.title());
    set(row, "message", alert.message());
    set(row, "value", alert.value());
    set(row, "previous_value", alert.previousValue());
    set(row, "threshold", alert.threshold());
    set(row, "change_percent", alert.changePercent());
    set(row, "occurrences", alert.occurrences());
    set(row, "acknowledged_at", alert.acknowledgedAt());
    set(row, "acknowledged_by", alert.acknowledgedBy());
    set(row, "resolved_at", alert.resolvedAt());
    set(row, "resolved_by", alert.resolvedBy());
    set(row, "expires_at", alert.expiresAt());
    set(row, "auto_resolved", alert.autoResolved());
    Severity previous = alert.previousSeverity();
    set(row, "previous_severity", previous == null ? null : previous.word());
    set(row, "attributes", AlertJson.write(alert.attributes()));
    return row;
  }

  static @Nullable Object[] history(HistoryEntry entry, LocalDate detectedDate, long seq) {
    @Nullable Object[] row = row(HISTORY, detectedDate, seq);
    set(row, "alert_id", entry.alertId());
    set(row, "version", entry.version());
    set(row, "changed_at", entry.at());
    set(row, "actor", entry.actor());
    set(row, "action", entry.action().word());
    AlertStatus from = entry.fromStatus();
    set(row, "from_status", from == null ? null : from.word());
    set(row, "status", entry.toStatus().word());
    set(row, "changes", AlertJson.write(entry.changes()));
    set(row, "note", entry.note());
    return row;
  }

  static @Nullable Object[] subject(Subject subject, LocalDate today, long seq) {
    @Nullable Object[] row = row(SUBJECT, today, seq);
    set(row, "subject_type", subject.type());
    set(row, "subject_key", subject.key());
    set(row, "subject_name", subject.name());
    set(row, "subject_starts_at", subject.startsAt());
    set(row, "attributes", AlertJson.write(subject.attributes()));
    return row;
  }

  static @Nullable Object[] deletedAlert(long alertId, LocalDate today, long seq) {
    @Nullable Object[] row = row(TOMBSTONE, today, seq);
    set(row, "alert_id", alertId);
    return row;
  }

  static @Nullable Object[] deletedSubject(SubjectRef subject, LocalDate today, long seq) {
    @Nullable Object[] row = row(TOMBSTONE, today, seq);
    set(row, "subject_type", subject.type());
    set(row, "subject_key", subject.key());
    return row;
  }

  static @Nullable Object[] highestId(long id, LocalDate today, long seq) {
    @Nullable Object[] row = row(IDS, today, seq);
    set(row, "alert_id", id);
    return row;
  }

  /** An alert row read back; its subject is the one the store knows by its type and key. */
  static Alert toAlert(Cells cells, @Nullable Subject subject) {
    String previous = cells.string("previous_severity");
    return new Alert(
        cells.longValue("alert_id"),
        cells.requiredString("fingerprint"),
        cells.requiredString("source"),
        cells.requiredString("type"),
        Severity.valueOf(cells.requiredString("severity").toUpperCase(Locale.ROOT)),
        AlertStatus.valueOf(cells.requiredString("status").toUpperCase(Locale.ROOT)),
        cells.requiredString("title"),
        cells.string("message"),
        subject,
        cells.doubleValue("value"),
        cells.doubleValue("previous_value"),
        cells.doubleValue("threshold"),
        cells.doubleValue("change_percent"),
        AlertJson.readObject(cells.requiredString("attributes")),
        cells.longValue("occurrences"),
        cells.requiredInstant("detected_at"),
        cells.requiredInstant("last_seen_at"),
        cells.instant("acknowledged_at"),
        cells.string("acknowledged_by"),
        cells.instant("resolved_at"),
        cells.string("resolved_by"),
        cells.instant("expires_at"),
        cells.booleanValue("auto_resolved"),
        previous == null ? null : Severity.valueOf(previous.toUpperCase(Locale.ROOT)),
        cells.longValue("version"),
        List.of());
  }

  static HistoryEntry toHistory(Cells cells) {
    String from = cells.string("from_status");
    return new HistoryEntry(
        cells.longValue("alert_id"),
        cells.longValue("version"),
        cells.requiredInstant("changed_at"),
        cells.requiredString("actor"),
        HistoryAction.valueOf(cells.requiredString("action").toUpperCase(Locale.ROOT)),
        from == null ? null : AlertStatus.valueOf(from.toUpperCase(Locale.ROOT)),
        AlertStatus.valueOf(cells.requiredString("status").toUpperCase(Locale.ROOT)),
        AlertJson.readChanges(cells.requiredString("changes")),
        cells.string("note"));
  }

  static Subject toSubject(Cells cells) {
    Map<String, Object> attributes = AlertJson.readObject(cells.requiredString("attributes"));
    return new Subject(
        cells.requiredString("subject_type"),
        cells.requiredString("subject_key"),
        cells.requiredString("subject_name"),
        cells.instant("subject_starts_at"),
        attributes);
  }

  /** The subject an alert row is about, by identity, or null. */
  static @Nullable SubjectRef subjectOf(Cells cells) {
    String type = cells.string("subject_type");
    String key = cells.string("subject_key");
    return type == null || key == null ? null : new SubjectRef(type, key);
  }
}
