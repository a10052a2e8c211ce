package io.klaxon.store.jdbc.alert;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.AlertUpdate;
import io.klaxon.store.Retriggers;
import io.klaxon.store.jdbc.Dialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * Joins what several partitions' writers commit at about the same time into one PostgreSQL
 * transaction (a group commit across partitions). A request of 100 alerts reaches up to P
 * partitions, and each partition committed its share alone: P transactions, each with its round
 * trips, its backend wake-ups and its WAL flush, for one request. Here a writer hands its share in
 * and waits for it to commit, as it waited for its own transaction before; one writer commits every
 * share waiting (at most one per partition) as one change set and one log insert, and the shares
 * that arrive meanwhile gather for the next transaction, which starts while the first is still
 * under way when they carry changes to write ({@link #IN_FLIGHT}). Callers are still answered only
 * after their changes committed.
 *
 * <p>The materializer's folds are not joined: joined, fewer of their row updates stayed HOT and the
 * database's CPU per new alert rose by 15-70% (measured, BENCHMARKS.md); most likely because alerts
 * created together share heap pages, and one transaction rewriting several rows of a page needs
 * more room than the page keeps free.
 *
 * <p>Only the single-instance path joins: cluster mode commits each partition through its fenced
 * {@code commit(changes, alsoInTransaction)}, which never comes here, so every partition's epoch
 * check still holds alone. Purges and deletes are committed alone (their cascades span partitions).
 * A joint transaction that fails while the database is reachable is split: each share is committed
 * alone, so only the partition whose changes cannot be committed hears of it (as the engine's
 * {@code GroupCommit} splits a group of callers).
 */
final class JointCommit {

  private final AlertWriter writer;
  private final AlertLog log;
  private final Dialect dialect;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition turn = lock.newCondition();
  private final List<Share> waiting = new ArrayList<>();

  /** Joint transactions under way (at most {@link #IN_FLIGHT}). */
  private int committing;

  /**
   * How many joint transactions with changes to write may be under way at once (a partition has at
   * most one share under way, so its commits stay in order). With one, the database worked on one
   * transaction at a time while the shares of the next gathered: new alerts 3,610-3,734/s side by
   * side, 4,531-4,929/s with two. Shares of pure re-triggers only (one autocommitted log insert)
   * still wait for the transaction under way: with two, the database's CPU per re-trigger rose from
   * 11.5 to 12.7-14.0 µs, for more and smaller inserts (BENCHMARKS.md, session 11). Shares that
   * carry summaries go into the log insert too, and wait as those of pure re-triggers do: once
   * summaries were spread over the minute, most inserts carried a few, and letting a second start
   * raised the database's commits per request from 0.91 to 1.37 (BENCHMARKS.md, session 12).
   */
  static final int IN_FLIGHT = 2;

  /** One partition's share of a joint transaction, and what became of it. */
  private static final class Share {
    final int partition;
    final ChangeSet changes;
    final List<AlertUpdate> retriggers;
    long entry;
    @Nullable RuntimeException failure;
    boolean done;

    Share(int partition, ChangeSet changes, List<AlertUpdate> retriggers) {
      this.partition = partition;
      this.changes = changes;
      this.retriggers = retriggers;
    }
  }

  JointCommit(AlertWriter writer, AlertLog log, Dialect dialect) {
    this.writer = writer;
    this.log = log;
    this.dialect = dialect;
  }

  /** Whether a change set may join others: one without purges or deletes. */
  static boolean joins(ChangeSet changes) {
    return changes.purged().isEmpty() && changes.deleted().isEmpty();
  }

  /**
   * Commits a partition's change set and its re-triggers' log entry, with other partitions' shares
   * or alone, as {@link AlertWriter#commit(ChangeSet, Retriggers)} does.
   *
   * @return the log entry's number; 0 when there were no re-triggers
   */
  long commit(ChangeSet changes, Retriggers retriggers) {
    return await(new Share(retriggers.partition(), changes, retriggers.alerts()));
  }

  private long await(Share mine) {
    lock.lock();
    try {
      waiting.add(mine);
      while (!mine.done) {
        if (waiting.isEmpty() || committing >= (onlyLogged(waiting) ? 1 : IN_FLIGHT)) {
          // Mine is in a transaction under way, or the limit is reached: wait for one to end.
          turn.awaitUninterruptibly();
          continue;
        }
        committing++;
        List<Share> group = takeGroup();
        lock.unlock();
        try {
          commit(group);
        } finally {
          lock.lock();
          committing--;
          turn.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
    RuntimeException failure = mine.failure;
    if (failure != null) {
      throw failure;
    }
    return mine.entry;
  }

  /** Every share waiting, at most one per partition (a partition's shares stay in their order). */
  private List<Share> takeGroup() {
    List<Share> group = new ArrayList<>(waiting.size());
    Set<Integer> partitions = new HashSet<>();
    waiting.removeIf(share -> partitions.add(share.partition) && group.add(share));
    return group;
  }

  private void commit(List<Share> group) {
    try {
      if (onlyLogged(group)) {
        logAlone(group);
        return;
      }
      if (group.size() == 1) {
        alone(group.getFirst());
        return;
      }
      try {
        long[] entries = writer.transaction(tx -> together(tx, group));
        for (int i = 0; i < group.size(); i++) {
          group.get(i).entry = entries[i];
        }
      } catch (RuntimeException failed) {
        if (unavailable(failed)) {
          group.forEach(share -> share.failure = failed);
        } else {
          group.forEach(this::alone);
        }
      }
    } catch (RuntimeException | Error e) {
      for (Share share : group) {
        if (share.failure == null && !share.done) {
          share.failure = new IllegalStateException("a joint commit failed: " + e, e);
        }
      }
      throw e;
    } finally {
      group.forEach(share -> share.done = true);
    }
  }

  /**
   * Whether the shares hold pure re-triggers and nothing else but their summaries (history rows
   * that are not material): what one insert into the log carries.
   */
  private static boolean onlyLogged(List<Share> group) {
    for (Share share : group) {
      if (share.retriggers.isEmpty() || !onlySummaries(share.changes)) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlySummaries(ChangeSet changes) {
    return changes.subjects().isEmpty()
        && changes.created().isEmpty()
        && changes.updated().isEmpty()
        && changes.purged().isEmpty()
        && changes.deleted().isEmpty()
        && changes.highestNewId() == 0
        && changes.history().stream().noneMatch(HistoryEntry::isMaterial);
  }

  /**
   * The shares' log entries and summaries as one autocommitted insert: one statement is all or
   * nothing. When log entries alone fail, every share hears of it, as its own commit would fail. A
   * summary can fail on its own (its alert deleted meanwhile with its subject): then, while the
   * database is reachable, each share is committed alone, as a joint transaction is split.
   */
  private void logAlone(List<Share> group) {
    List<Retriggers> logged = new ArrayList<>(group.size());
    List<HistoryEntry> summaries = new ArrayList<>();
    for (Share share : group) {
      logged.add(new Retriggers(share.partition, share.retriggers));
      summaries.addAll(share.changes.history());
    }
    try {
      long[] entries = writer.appendAlone(logged, summaries);
      for (int i = 0; i < group.size(); i++) {
        group.get(i).entry = entries[i];
      }
    } catch (RuntimeException failed) {
      if (summaries.isEmpty() || group.size() == 1 || unavailable(failed)) {
        group.forEach(share -> share.failure = failed);
      } else {
        group.forEach(this::alone);
      }
    }
  }

  /** Every share's changes as one change set, and their re-triggers as one insert. */
  private long[] together(DSLContext tx, List<Share> group) {
    List<Subject> subjects = new ArrayList<>();
    List<Alert> created = new ArrayList<>();
    List<AlertUpdate> updated = new ArrayList<>();
    List<HistoryEntry> history = new ArrayList<>();
    long highestNewId = 0;
    List<Retriggers> logged = new ArrayList<>();
    for (Share share : group) {
      subjects.addAll(share.changes.subjects());
      created.addAll(share.changes.created());
      updated.addAll(share.changes.updated());
      history.addAll(share.changes.history());
      highestNewId = Math.max(highestNewId, share.changes.highestNewId());
      if (!share.retriggers.isEmpty()) {
        logged.add(new Retriggers(share.partition, share.retriggers));
      }
    }
    ChangeSet changes =
        new ChangeSet(subjects, created, updated, history, List.of(), highestNewId, List.of());
    if (!changes.isEmpty()) {
      writer.write(tx, changes);
    }
    long[] numbers = log.append(tx, logged);
    long[] entries = new long[group.size()];
    int next = 0;
    for (int i = 0; i < group.size(); i++) {
      if (!group.get(i).retriggers.isEmpty()) {
        entries[i] = numbers[next++];
      }
    }
    return entries;
  }

  private void alone(Share share) {
    try {
      share.entry = writer.commit(share.changes, new Retriggers(share.partition, share.retriggers));
    } catch (RuntimeException e) {
      share.failure = e;
    }
  }

  /** The database could not be reached (or chose this transaction as a deadlock's victim). */
  private boolean unavailable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && dialect.isUnavailable(sql)) {
        return true;
      }
    }
    return false;
  }
}
