package io.klaxon.cluster;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Partitioning;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ForwardingAlertStore;
import io.klaxon.store.Retriggers;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import java.util.List;

/**
 * The alert store as one owned partition's engine sees it: a store of one partition holding only
 * that partition's active alerts, whose every commit is fenced by the owner's epoch and carries the
 * offset of the command topic that the commit's records reach (so nothing is applied twice).
 *
 * <p>The owner loop submits one batch of records at a time and waits for it, and nothing else
 * submits to the partition's engine, so the offset set before a submission is the one its commit
 * carries.
 */
final class PartitionStore extends ForwardingAlertStore {

  private final JdbcAlertStore store;
  private final int partition;
  private final long epoch;
  private volatile long nextOffset = -1;
  private volatile boolean offsetCommitted;

  PartitionStore(JdbcAlertStore store, int partition, long epoch) {
    super(store);
    this.store = store;
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

  /** One partition: the engine over this store runs one writer, for the partition owned. */
  @Override
  public Partitioning partitioning() {
    return Partitioning.SINGLE;
  }

  @Override
  public List<Alert> loadActive() {
    return store.loadActive(partition);
  }

  @Override
  public List<Alert> loadActive(int ignored) {
    return store.loadActive(partition);
  }

  @Override
  public void commit(ChangeSet changes) {
    commit(changes, new Retriggers(partition, List.of()));
  }

  /**
   * Pure re-triggers are written into their rows with the rest, as their counts only (no log: other
   * instances read the rows, and the commit is fenced whole).
   */
  @Override
  public long commit(ChangeSet changes, Retriggers retriggers) {
    // Without records, the offset stays where it is: the ledger keeps the greater one.
    long offset = Math.max(nextOffset, 0);
    store.commit(
        changes, retriggers, tx -> JdbcPartitionLedger.advance(tx, partition, epoch, offset));
    offsetCommitted = true;
    return 0;
  }
}
