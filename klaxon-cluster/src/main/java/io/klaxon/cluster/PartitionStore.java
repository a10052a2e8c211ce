package io.klaxon.cluster;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The alert store as one partition's engine sees it: only the partition's active alerts, ids from
 * blocks of the shared sequence, and every commit fenced by the owner's epoch and carrying the
 * offset of the command topic that the commit's records reach (so nothing is applied twice).
 *
 * <p>The owner loop submits one batch of records at a time and waits for it, so the offset set
 * before a submission is the one its commit carries.
 */
final class PartitionStore implements AlertStore {

  private final JdbcAlertStore store;
  private final JdbcPartitionLedger ledger;
  private final Partitioning partitioning;
  private final int partition;
  private final long epoch;
  private volatile long blockEnd;
  private volatile long nextOffset = -1;
  private volatile boolean offsetCommitted;

  PartitionStore(
      JdbcAlertStore store,
      JdbcPartitionLedger ledger,
      Partitioning partitioning,
      int partition,
      long epoch) {
    this.store = store;
    this.ledger = ledger;
    this.partitioning = partitioning;
    this.partition = partition;
    this.epoch = epoch;
  }

  /** The offset the next commit records: the records before it are in that commit. */
  void nextOffset(long offset) {
    nextOffset = offset;
    offsetCommitted = false;
  }

  /** Whether a commit carried the offset last set. */
  boolean offsetCommitted() {
    return offsetCommitted;
  }

  @Override
  public List<Alert> loadActive() {
    return store.loadActive().stream()
        .filter(alert -> partitioning.of(alert.fingerprint()) == partition)
        .toList();
  }

  /** A fresh block of ids: the engine hands out the ids after the value answered. */
  @Override
  public long maxAlertId() {
    long start = ledger.reserveIdBlock();
    blockEnd = start + JdbcPartitionLedger.BLOCK_SIZE;
    return start;
  }

  @Override
  public Optional<Alert> findById(long id) {
    return store.findById(id);
  }

  @Override
  public AlertPage find(AlertQuery query) {
    return store.find(query);
  }

  @Override
  public AlertStats stats(AlertQuery query) {
    return store.stats(query);
  }

  @Override
  public List<HistoryEntry> history(long alertId) {
    return store.history(alertId);
  }

  @Override
  public Optional<Subject> findSubject(String type, String key) {
    return store.findSubject(type, key);
  }

  @Override
  public List<Long> finalAlertsBefore(Instant cutoff, int limit) {
    return store.finalAlertsBefore(cutoff, limit);
  }

  @Override
  public void commit(ChangeSet changes) {
    if (changes.highestNewId() > blockEnd) {
      // The engine re-reads its memory (and so takes a new block) and computes the batch again.
      throw new Unavailable("partition " + partition + " used up its block of alert ids");
    }
    // Without records (a job's command), the offset stays where it is: GREATEST keeps it.
    long offset = Math.max(nextOffset, 0);
    store.commit(changes, tx -> JdbcPartitionLedger.advance(tx, partition, epoch, offset));
    offsetCommitted = true;
  }
}
