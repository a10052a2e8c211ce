package io.klaxon.store;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import java.util.List;
import java.util.Optional;

/**
 * Where alerts, their history and their subjects are kept. Reads may be called from any thread;
 * {@link #commit} is called only by the alert engine, the one write path.
 *
 * <p>Implementations raise {@link io.klaxon.problem.Unavailable} when the store cannot be reached.
 */
public interface AlertStore {

  /** Every open or acknowledged alert, for the engine's in-memory index at start-up. */
  List<Alert> loadActive();

  /** The largest alert id ever stored, 0 when there is none; new ids continue after it. */
  long maxAlertId();

  Optional<Alert> findById(long id);

  AlertPage find(AlertQuery query);

  /** Counts under the query's filters; its order and page are ignored. */
  AlertStats stats(AlertQuery query);

  /** The alert's history, oldest first; empty when the alert does not exist. */
  List<HistoryEntry> history(long alertId);

  Optional<Subject> findSubject(String type, String key);

  /**
   * Writes a change set in one transaction: all of it or none of it.
   *
   * @throws ConcurrentChange when an updated alert's stored version is not the expected one
   */
  void commit(ChangeSet changes);
}
