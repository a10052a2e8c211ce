package io.klaxon.store.jdbc.alert;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.json.AlertJson;
import io.klaxon.store.jdbc.suppress.SuppressedByJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jspecify.annotations.Nullable;

/** Rows to the alert model and back: the one place that knows which field goes where. */
public final class AlertRows {

  private final AlertTables.Alerts alerts;
  private final AlertTables.Subjects subjects;
  private final AlertTables.History history;
  private final Field<Instant> subjectStartsAt;
  private final Field<String> subjectAttributes;

  /** Where {@link #values(Alert)} has the columns of {@code alert_occurrences}. */
  private final boolean[] inOccurrences;

  AlertRows(AlertTables tables) {
    this.alerts = tables.alerts;
    this.subjects = tables.subjects;
    this.history = tables.history;
    this.subjectStartsAt = subjects.startsAt.as("subject_starts_at");
    this.subjectAttributes = subjects.attributes.as("subject_attributes");
    List<Field<?>> columns = alerts.columns();
    this.inOccurrences = new boolean[columns.size()];
    for (int i = 0; i < inOccurrences.length; i++) {
      inOccurrences[i] = alerts.inOccurrences(columns.get(i));
    }
  }

  /** What to select, from alerts left-joined to subjects, for {@link #alert}. */
  List<SelectField<?>> alertSelection() {
    List<SelectField<?>> selection = new ArrayList<>(alerts.columns());
    selection.add(subjectStartsAt);
    selection.add(subjectAttributes);
    return selection;
  }

  /** A new alert's row, in the order of {@link AlertTables.Alerts#insertColumns()}. */
  List<@Nullable Object> insertValues(Alert alert, int partition) {
    List<@Nullable Object> all = values(alert);
    List<@Nullable Object> values = new ArrayList<>(all.size() + 1);
    for (int i = 0; i < inOccurrences.length; i++) {
      if (!inOccurrences[i]) {
        values.add(all.get(i));
      }
    }
    values.add((long) partition);
    return values;
  }

  /**
   * A new alert's row of {@code alert_occurrences}, in the order of {@link
   * AlertTables.Alerts#occurrencesColumns()}.
   */
  List<@Nullable Object> occurrences(Alert alert) {
    return List.of(alert.id(), alert.occurrences(), alert.lastSeenAt(), alert.version());
  }

  /** An alert's column values, in the order of {@link AlertTables.Alerts#columns()}. */
  List<@Nullable Object> values(Alert alert) {
    Subject subject = alert.subject();
    return Arrays.asList(
        alert.id(),
        alert.fingerprint(),
        alert.source(),
        alert.type(),
        alert.severity().word(),
        alert.status().word(),
        alert.title(),
        alert.message(),
        subject == null ? null : subject.type(),
        subject == null ? null : subject.key(),
        subject == null ? null : subject.name(),
        alert.value(),
        alert.previousValue(),
        alert.threshold(),
        alert.changePercent(),
        AlertJson.write(alert.attributes()),
        alert.occurrences(),
        alert.detectedAt(),
        alert.lastSeenAt(),
        alert.acknowledgedAt(),
        alert.acknowledgedBy(),
        alert.resolvedAt(),
        alert.resolvedBy(),
        alert.expiresAt(),
        alert.autoResolved(),
        alert.previousSeverity() == null ? null : alert.previousSeverity().word(),
        alert.version(),
        SuppressedByJson.write(alert.suppressedBy()));
  }

  /** A subject's column values, in the order of {@link AlertTables.Subjects#columns()}. */
  List<@Nullable Object> values(Subject subject) {
    return Arrays.asList(
        subject.type(),
        subject.key(),
        subject.name(),
        subject.startsAt(),
        AlertJson.write(subject.attributes()));
  }

  /**
   * A history entry's column values, in the order of {@link AlertTables.History#insertColumns()}.
   */
  List<@Nullable Object> values(HistoryEntry entry) {
    return Arrays.asList(
        entry.alertId(),
        entry.version(),
        entry.at(),
        entry.actor(),
        entry.action().word(),
        entry.fromStatus() == null ? null : entry.fromStatus().word(),
        entry.toStatus().word(),
        AlertJson.write(entry.changes()),
        entry.note(),
        entry.isMaterial());
  }

  /**
   * A history row with its feed position, in the order of {@link
   * AlertTables.History#writtenColumns()}.
   */
  List<@Nullable Object> values(FeedEntry positioned) {
    List<@Nullable Object> values = new ArrayList<>(values(positioned.entry()));
    values.add(positioned.position());
    return values;
  }

  /** A history entry and its place in the change feed, null when it is not a material change. */
  record FeedEntry(HistoryEntry entry, @Nullable Long position) {}

  /** An alert from a row of {@link #alertSelection()}. */
  Alert alert(Record row) {
    String previousSeverity = row.get(alerts.previousSeverity);
    return new Alert(
        row.get(alerts.id),
        row.get(alerts.fingerprint),
        row.get(alerts.source),
        row.get(alerts.type),
        severity(row.get(alerts.severity)),
        status(row.get(alerts.status)),
        row.get(alerts.title),
        row.get(alerts.message),
        subjectOf(row),
        row.get(alerts.value),
        row.get(alerts.previousValue),
        row.get(alerts.threshold),
        row.get(alerts.changePercent),
        AlertJson.readObject(row.get(alerts.attributes)),
        row.get(alerts.occurrences),
        row.get(alerts.detectedAt),
        row.get(alerts.lastSeenAt),
        row.get(alerts.acknowledgedAt),
        row.get(alerts.acknowledgedBy),
        row.get(alerts.resolvedAt),
        row.get(alerts.resolvedBy),
        row.get(alerts.expiresAt),
        row.get(alerts.autoResolved),
        previousSeverity == null ? null : severity(previousSeverity),
        row.get(alerts.version),
        SuppressedByJson.read(row.get(alerts.suppressedBy)));
  }

  Subject subject(Record row) {
    return new Subject(
        row.get(subjects.type),
        row.get(subjects.key),
        row.get(subjects.name),
        row.get(subjects.startsAt),
        AlertJson.readObject(row.get(subjects.attributes)));
  }

  HistoryEntry historyEntry(Record row) {
    String fromStatus = row.get(history.fromStatus);
    return new HistoryEntry(
        row.get(history.alertId),
        row.get(history.version),
        row.get(history.at),
        row.get(history.actor),
        HistoryAction.valueOf(upper(row.get(history.action))),
        fromStatus == null ? null : status(fromStatus),
        status(row.get(history.toStatus)),
        AlertJson.readChanges(row.get(history.changes)),
        row.get(history.note));
  }

  /**
   * The alert's subject: type, key and name as the alert recorded them; start and attributes as the
   * subject stands now (the alert row does not copy them).
   */
  private @Nullable Subject subjectOf(Record row) {
    String type = row.get(alerts.subjectType);
    String key = row.get(alerts.subjectKey);
    if (type == null || key == null) {
      return null;
    }
    String attributes = row.get(subjectAttributes);
    return new Subject(
        type,
        key,
        row.get(alerts.subjectName),
        row.get(subjectStartsAt),
        attributes == null ? Map.of() : AlertJson.readObject(attributes));
  }

  public static Severity severity(String word) {
    return Severity.valueOf(upper(word));
  }

  static AlertStatus status(String word) {
    return AlertStatus.valueOf(upper(word));
  }

  private static String upper(String word) {
    return word.toUpperCase(Locale.ROOT);
  }
}
