package io.klaxon.store;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import java.util.List;

/**
 * Everything one engine batch changed, to be committed together: subjects to purge, subjects to
 * insert or refresh, new alerts, the final state of changed alerts, and the history they owe.
 *
 * <p>Purges are applied first: a subject purged and then mentioned again in the same batch is
 * deleted (with its alerts, their history and whatever else hangs off it) and then inserted anew.
 * The engine leaves out of the other lists every change to an alert that a purge deletes.
 *
 * <p>Deleted alerts (retention) are final alerts that go with their history; the engine leaves
 * every other change to them out of the other lists, so a store may delete them first or last.
 *
 * @param highestNewId the highest id handed out to a new alert in this batch, 0 when none: the
 *     store keeps it even when a purge in the same batch deleted that alert, so that an id a caller
 *     has seen is never handed out again
 * @param deleted ids of final alerts to delete with their history (retention)
 */
public record ChangeSet(
    List<Subject> subjects,
    List<Alert> created,
    List<AlertUpdate> updated,
    List<HistoryEntry> history,
    List<SubjectRef> purged,
    long highestNewId,
    List<Long> deleted) {

  public ChangeSet {
    subjects = List.copyOf(subjects);
    created = List.copyOf(created);
    updated = List.copyOf(updated);
    history = List.copyOf(history);
    purged = List.copyOf(purged);
    deleted = List.copyOf(deleted);
  }

  /** A change set that deletes no single alert. */
  public ChangeSet(
      List<Subject> subjects,
      List<Alert> created,
      List<AlertUpdate> updated,
      List<HistoryEntry> history,
      List<SubjectRef> purged,
      long highestNewId) {
    this(subjects, created, updated, history, purged, highestNewId, List.of());
  }

  /** A change set that purges nothing: its highest new id is that of its last new alert. */
  public ChangeSet(
      List<Subject> subjects,
      List<Alert> created,
      List<AlertUpdate> updated,
      List<HistoryEntry> history) {
    this(
        subjects,
        created,
        updated,
        history,
        List.of(),
        created.stream().mapToLong(Alert::id).max().orElse(0));
  }

  public boolean isEmpty() {
    return subjects.isEmpty()
        && created.isEmpty()
        && updated.isEmpty()
        && history.isEmpty()
        && purged.isEmpty()
        && deleted.isEmpty()
        && highestNewId == 0;
  }

  /**
   * The new state of a stored alert, and the version the store must still hold for the update to
   * apply (optimistic lock).
   */
  public record AlertUpdate(Alert alert, long expectedVersion) {}

  /** A subject named by its identity alone, as a purge names it. */
  public record SubjectRef(String type, String key) {

    /** Whether the alert is about this subject. */
    public boolean matches(Alert alert) {
      Subject subject = alert.subject();
      return subject != null && subject.type().equals(type) && subject.key().equals(key);
    }
  }
}
