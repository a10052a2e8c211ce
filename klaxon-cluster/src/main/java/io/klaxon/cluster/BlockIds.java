package io.klaxon.cluster;

import io.klaxon.engine.AlertIds;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;

/**
 * Alert ids in cluster mode: blocks of {@link JdbcPartitionLedger#BLOCK_SIZE} ids reserved from the
 * PostgreSQL sequence, so that engines on several instances never hand out the same id. One per
 * instance, shared by its partitions' engines.
 */
final class BlockIds implements AlertIds {

  private final JdbcPartitionLedger ledger;
  private long next;
  private long end;

  BlockIds(JdbcPartitionLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public synchronized long next() {
    if (next >= end) {
      long before = ledger.reserveIdBlock();
      next = before;
      end = before + JdbcPartitionLedger.BLOCK_SIZE;
    }
    return ++next;
  }

  @Override
  public synchronized void giveBack(long from, long to) {
    if (to == next && from > end - JdbcPartitionLedger.BLOCK_SIZE) {
      next = from - 1;
    }
  }
}
