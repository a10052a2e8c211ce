package io.klaxon.engine;

import io.klaxon.store.AlertCounts;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.AlertUpdate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One partition's materializer: which alerts' rows lag behind the partition's re-trigger log, and
 * when to fold them. Pure re-triggers are durable in the log; folding writes each lagging alert's
 * latest occurrences, lastSeenAt and version from the engine's memory into its row once (however
 * many re-triggers it had) and deletes the folded log entries in the same transaction.
 *
 * <p>It runs on the partition's writer thread, between group commits, so the rows it writes and the
 * versions it expects never race the writer's own; {@link #lagNanos} may be read from any thread.
 */
final class Materializer {

  private final int partition;
  private final long foldEveryNanos;

  /**
   * Alerts whose row lags behind the log, by id: the version their row holds. Primitive and reused:
   * a boxed entry per re-triggered alert lived until the next fold, long enough to be promoted and
   * die in the old generation (issue 22).
   */
  private final RowVersions rowVersions = new RowVersions();

  /**
   * The lagging alerts' counts as memory holds them, refilled for each fold: an alert built per
   * lagging alert to carry them lived through young collections and died old (issue 22), and a fold
   * covers up to every active alert.
   */
  private final AlertCounts folding = new AlertCounts();

  /** Log entries not folded yet, in commit order. */
  private final List<Long> entries = new ArrayList<>();

  /** When the oldest unfolded entry was committed ({@link System#nanoTime}); 0 when none. */
  private volatile long oldestNanos;

  /** No fold is tried before this ({@link System#nanoTime}), after one failed. */
  private long notBeforeNanos;

  Materializer(int partition, Duration foldEvery) {
    this.partition = partition;
    this.foldEveryNanos = foldEvery.toNanos();
  }

  /**
   * The version an update of the alert must find in its row: the one the log moved past, when its
   * row lags, else the version the engine's memory held ({@code expected}).
   */
  long rowVersion(long id, long expected) {
    long lagging = rowVersions.get(id);
    return lagging != RowVersions.NONE ? lagging : expected;
  }

  /** A commit wrote the whole rows of the alerts it created and updated: they no longer lag. */
  void written(ChangeSet changes) {
    if (rowVersions.isEmpty()) {
      return;
    }
    for (AlertUpdate update : changes.updated()) {
      rowVersions.remove(update.alert().id());
    }
  }

  /** A commit put these re-triggers in log entry {@code entry} instead of their rows. */
  void logged(long entry, List<AlertUpdate> retriggered) {
    for (AlertUpdate update : retriggered) {
      rowVersions.putIfAbsent(update.alert().id(), update.expectedVersion());
    }
    entries.add(entry);
    if (oldestNanos == 0) {
      oldestNanos = System.nanoTime();
    }
  }

  boolean pending() {
    return !entries.isEmpty();
  }

  /** How long until a fold is due; 0 when it is due now. Only meaningful when {@link #pending}. */
  long nanosUntilDue() {
    long now = System.nanoTime();
    long due = Math.max(oldestNanos + foldEveryNanos, notBeforeNanos);
    return Math.max(0, due - now);
  }

  boolean due() {
    return pending() && nanosUntilDue() == 0;
  }

  /** How old the oldest unfolded log entry is; 0 when every re-trigger is in the rows. */
  long lagNanos() {
    long oldest = oldestNanos;
    return oldest == 0 ? 0 : Math.max(0, System.nanoTime() - oldest);
  }

  /**
   * Writes the lagging alerts as the engine's memory holds them into their rows and deletes the
   * folded entries, in one transaction; alerts that left memory (made final or deleted since) had
   * their rows written by that change, or have none.
   *
   * @throws io.klaxon.problem.Unavailable when the store could not; everything stays pending
   */
  void fold(AlertStore store, ActiveIndex active) {
    if (!pending()) {
      return;
    }
    folding.clear();
    rowVersions.forEachId(id -> active.countsOf(id, folding));
    store.fold(partition, folding, List.copyOf(entries));
    folding.clear();
    reset();
  }

  /** After a failed fold: wait {@code pause} before the next try. */
  void retryAfter(Duration pause) {
    notBeforeNanos = System.nanoTime() + pause.toNanos();
  }

  /**
   * Forgets everything pending: the engine's memory was read again from the store, which folds its
   * log before it loads the active alerts.
   */
  void reset() {
    rowVersions.clear();
    entries.clear();
    oldestNanos = 0;
    notBeforeNanos = 0;
  }
}
