package io.klaxon.store;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import java.util.List;

/**
 * Everything one engine batch changed, to be committed together: subjects to insert or refresh,
 * new alerts, the final state of changed alerts, and the history they owe.
 */
public record ChangeSet(
    List<Subject> subjects,
    List<Alert> created,
    List<AlertUpdate> updated,
    List<HistoryEntry> history) {

  public ChangeSet {
    subjects = List.copyOf(subjects);
    created = List.copyOf(created);
    updated = List.copyOf(updated);
    history = List.copyOf(history);
  }

  public boolean isEmpty() {
    return subjects.isEmpty() && created.isEmpty() && updated.isEmpty() && history.isEmpty();
  }

  /**
   * The new state of a stored alert, and the version the store must still hold for the update to
   * apply (optimistic lock).
   */
  public record AlertUpdate(Alert alert, long expectedVersion) {}
}
