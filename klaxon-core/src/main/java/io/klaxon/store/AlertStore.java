package io.klaxon.store;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where alerts, their history and their subjects are kept. Reads may be called from any thread;
 * {@link #commit} is called only by the alert engine, the one write path.
 *
 * <p>Implementations raise {@link io.klaxon.problem.Unavailable} when the store cannot be reached.
 */
public interface AlertStore {

  /**
   * Every open or acknowledged alert, for the engine's in-memory index at start-up. A store with a
   * re-trigger log folds what the log holds into the rows first, so the alerts are as last
   * committed.
   */
  List<Alert> loadActive();

  /**
   * How the store's alerts are spread over engine partitions, fixed when the store was created; one
   * partition for a store that does not record it.
   */
  default Partitioning partitioning() {
    return Partitioning.SINGLE;
  }

  /**
   * The open or acknowledged alerts of one partition ({@link Partitioning#of} of their
   * fingerprint), for that partition's engine; a partition is loaded and dropped on its own. This
   * default filters {@link #loadActive()}; a store that records each alert's partition answers it
   * directly.
   */
  default List<Alert> loadActive(int partition) {
    Partitioning partitioning = partitioning();
    return loadActive().stream()
        .filter(alert -> partitioning.of(alert.fingerprint()) == partition)
        .toList();
  }

  /**
   * Hands every open or acknowledged alert to {@code each}, as {@link #loadActive()} lists them,
   * without a list of them all: the engine keeps a compact copy of each, and 100,000 full alerts
   * read at once needed more heap than the engine's memory of them. This default lists them first.
   */
  default void forEachActive(Consumer<? super Alert> each) {
    loadActive().forEach(each);
  }

  /**
   * As {@link #forEachActive(Consumer)}, for one partition's alerts ({@link #loadActive(int)}).
   * This default lists them first.
   */
  default void forEachActive(int partition, Consumer<? super Alert> each) {
    loadActive(partition).forEach(each);
  }

  /** The largest alert id ever stored, 0 when there is none; new ids continue after it. */
  long maxAlertId();

  /**
   * The store's counter of alert ids, when it keeps one: engines then take their ids from it in
   * blocks ({@link io.klaxon.engine.AlertIds#inBlocks}). Empty (this default) when it keeps none:
   * an engine, the store's only writer, counts on from {@link #maxAlertId()} in memory.
   */
  default Optional<IdBlocks> idBlocks() {
    return Optional.empty();
  }

  Optional<Alert> findById(long id);

  AlertPage find(AlertQuery query);

  /** Counts under the query's filters; its order and page are ignored. */
  AlertStats stats(AlertQuery query);

  /** The alert's history, oldest first; empty when the alert does not exist. */
  List<HistoryEntry> history(long alertId);

  Optional<Subject> findSubject(String type, String key);

  /**
   * The retention purge's candidates: ids of alerts in a final status that became final ({@code
   * resolvedAt}) before {@code cutoff}, the longest final first, at most {@code limit} of them.
   *
   * <p>This default pages through {@link #find} (an alert becomes final after it was detected, so
   * only alerts detected before the cutoff can qualify) and sorts what it finds; a store with an
   * index on the time an alert became final should answer it directly.
   */
  default List<Long> finalAlertsBefore(Instant cutoff, int limit) {
    AlertQuery finalBefore =
        AlertQuery.all()
            .withStatuses(
                EnumSet.of(AlertStatus.RESOLVED, AlertStatus.DISMISSED, AlertStatus.EXPIRED))
            .withDetectedBefore(cutoff);
    record Final(Instant at, long id) {}
    List<Final> found = new ArrayList<>();
    long offset = 0;
    while (true) {
      AlertPage page =
          find(finalBefore.withPage(AlertSort.DETECTED_AT_ASC, AlertQuery.MAX_LIMIT, offset));
      for (Alert alert : page.alerts()) {
        Instant finalAt = alert.resolvedAt();
        if (finalAt != null && finalAt.isBefore(cutoff)) {
          found.add(new Final(finalAt, alert.id()));
        }
      }
      offset += page.alerts().size();
      if (page.alerts().size() < AlertQuery.MAX_LIMIT) {
        break;
      }
    }
    return found.stream()
        .sorted(Comparator.comparing(Final::at).thenComparingLong(Final::id))
        .limit(limit)
        .map(Final::id)
        .toList();
  }

  /**
   * Writes a change set in one transaction: all of it or none of it.
   *
   * @throws ConcurrentChange when an updated alert's stored version is not the expected one
   */
  void commit(ChangeSet changes);

  /**
   * Whether {@link #commit(ChangeSet, Retriggers)} joins what several partitions commit at about
   * the same time into one transaction, each caller waiting for its share's commit (PostgreSQL, one
   * instance). A partition's writer then waits there itself: the committer thread it hands a commit
   * to otherwise would only wait in its place, at the cost of two thread wake-ups a commit. False
   * by default; a forwarding view does not forward it, as it does not forward that commit.
   */
  default boolean joinsPartitionCommits() {
    return false;
  }

  /**
   * Writes a change set and a partition's pure re-triggers in one transaction: all of it or none of
   * it. A store with a re-trigger log (log first) keeps the re-triggers as one log entry, which
   * {@link #fold} later writes into the alerts' rows, and returns the entry's number (positive);
   * this default writes them into the rows with the change set and returns 0 (nothing to fold). The
   * re-triggered alerts are not in the change set.
   *
   * @throws ConcurrentChange as {@link #commit(ChangeSet)}
   */
  default long commit(ChangeSet changes, Retriggers retriggers) {
    if (retriggers.isEmpty()) {
      commit(changes);
      return 0;
    }
    List<ChangeSet.AlertUpdate> updated = new ArrayList<>(changes.updated());
    updated.addAll(retriggers.alerts());
    commit(
        new ChangeSet(
            changes.subjects(),
            changes.created(),
            updated,
            changes.history(),
            changes.purged(),
            changes.highestNewId(),
            changes.deleted()));
    return 0;
  }

  /**
   * The materializer's step, in one transaction: writes the alerts' {@code occurrences}, {@code
   * lastSeenAt} and {@code version} into their rows where a row's version is lower (never
   * backwards; an alert whose row is gone is skipped), and deletes the partition's log entries
   * named, which those alerts' state includes. The counts may cover every active alert; they belong
   * to the engine, which refills them for its next fold: read them, do not keep them. This default,
   * for a store without a log, does nothing.
   */
  default void fold(int partition, AlertCounts alerts, List<Long> entries) {}
}
