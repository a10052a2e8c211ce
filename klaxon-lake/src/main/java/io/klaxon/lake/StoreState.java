package io.klaxon.lake;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Subject;
import io.klaxon.store.ChangeSet.SubjectRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The current state the {@link DeltaAlertStore}'s rows add up to: each alert's latest version, each
 * subject's latest row, less what tombstones deleted. Built by replaying rows in {@code seq} order;
 * kept up to date by the store's commits. Not thread-safe: the store guards it.
 */
final class StoreState {

  /** One row of the table as the replay needs it, read out of Kernel's row at once. */
  sealed interface Replayed {
    long seq();
  }

  record AlertRow(long seq, Alert alert, @Nullable SubjectRef subject) implements Replayed {}

  record SubjectRow(long seq, Subject subject) implements Replayed {}

  record DeletedAlert(long seq, long alertId) implements Replayed {}

  record DeletedSubject(long seq, SubjectRef subject) implements Replayed {}

  record HighestId(long seq, long alertId) implements Replayed {}

  private final Map<Long, Alert> alerts = new HashMap<>();
  private final Map<SubjectRef, Subject> subjects = new HashMap<>();
  private final Set<Long> deleted = new HashSet<>();
  private long maxAlertId;
  private long lastSeq;

  /** Reads one row of any kind but history; null for history rows. */
  static @Nullable Replayed read(Cells cells) {
    long seq = cells.longValue("seq");
    return switch (cells.requiredString("kind")) {
      case StoreRows.ALERT ->
          new AlertRow(seq, StoreRows.toAlert(cells, null), StoreRows.subjectOf(cells));
      case StoreRows.SUBJECT -> new SubjectRow(seq, StoreRows.toSubject(cells));
      case StoreRows.TOMBSTONE ->
          cells.isNull("alert_id")
              ? new DeletedSubject(
                  seq, java.util.Objects.requireNonNull(StoreRows.subjectOf(cells)))
              : new DeletedAlert(seq, cells.longValue("alert_id"));
      case StoreRows.IDS -> new HighestId(seq, cells.longValue("alert_id"));
      default -> null;
    };
  }

  /** Applies rows in the order they were committed. */
  void replay(List<Replayed> rows) {
    List<Replayed> ordered = new ArrayList<>(rows);
    ordered.sort(Comparator.comparingLong(Replayed::seq));
    Map<Long, SubjectRef> subjectOf = new HashMap<>();
    for (Replayed row : ordered) {
      lastSeq = Math.max(lastSeq, row.seq());
      switch (row) {
        case AlertRow a -> {
          maxAlertId = Math.max(maxAlertId, a.alert().id());
          if (!deleted.contains(a.alert().id())) {
            alerts.put(a.alert().id(), a.alert());
            if (a.subject() != null) {
              subjectOf.put(a.alert().id(), a.subject());
            }
          }
        }
        case SubjectRow s -> subjects.put(ref(s.subject()), s.subject());
        case DeletedAlert d -> {
          maxAlertId = Math.max(maxAlertId, d.alertId());
          deleteAlert(d.alertId());
        }
        case DeletedSubject d -> subjects.remove(d.subject());
        case HighestId h -> maxAlertId = Math.max(maxAlertId, h.alertId());
      }
    }
    // Alert rows hold their subject's identity only: the subject is the one last written.
    subjectOf.forEach(
        (id, subject) -> {
          Alert alert = alerts.get(id);
          if (alert != null) {
            Subject current =
                subjects.getOrDefault(subject, Subject.of(subject.type(), subject.key(), null));
            alerts.put(id, withSubject(alert, current));
          }
        });
  }

  static SubjectRef ref(Subject subject) {
    return new SubjectRef(subject.type(), subject.key());
  }

  void putAlert(Alert alert) {
    alerts.put(alert.id(), alert);
    maxAlertId = Math.max(maxAlertId, alert.id());
  }

  void putSubject(Subject subject) {
    subjects.put(ref(subject), subject);
  }

  void deleteAlert(long id) {
    alerts.remove(id);
    deleted.add(id);
  }

  void deleteSubject(SubjectRef subject) {
    subjects.remove(subject);
  }

  void noteHighestId(long id) {
    maxAlertId = Math.max(maxAlertId, id);
  }

  void noteSeq(long seq) {
    lastSeq = Math.max(lastSeq, seq);
  }

  long lastSeq() {
    return lastSeq;
  }

  long maxAlertId() {
    return maxAlertId;
  }

  boolean isDeleted(long id) {
    return deleted.contains(id);
  }

  Optional<Alert> alert(long id) {
    return Optional.ofNullable(alerts.get(id)).map(this::current);
  }

  /** The stored alerts about a subject. */
  List<Long> alertsAbout(SubjectRef subject) {
    return alerts.values().stream().filter(subject::matches).map(Alert::id).toList();
  }

  Collection<Alert> alerts() {
    return alerts.values().stream().map(this::current).toList();
  }

  Optional<Subject> subject(SubjectRef ref) {
    return Optional.ofNullable(subjects.get(ref));
  }

  /** The alert with its subject as last written, as the JDBC store's join gives it. */
  private Alert current(Alert alert) {
    Subject subject = alert.subject();
    if (subject == null) {
      return alert;
    }
    Subject latest = subjects.get(ref(subject));
    return latest == null || latest.equals(subject) ? alert : withSubject(alert, latest);
  }

  static Alert withSubject(Alert a, @Nullable Subject subject) {
    return new Alert(
        a.id(),
        a.fingerprint(),
        a.source(),
        a.type(),
        a.severity(),
        a.status(),
        a.title(),
        a.message(),
        subject,
        a.value(),
        a.previousValue(),
        a.threshold(),
        a.changePercent(),
        a.attributes(),
        a.occurrences(),
        a.detectedAt(),
        a.lastSeenAt(),
        a.acknowledgedAt(),
        a.acknowledgedBy(),
        a.resolvedAt(),
        a.resolvedBy(),
        a.expiresAt(),
        a.autoResolved(),
        a.previousSeverity(),
        a.version(),
        List.of());
  }
}
