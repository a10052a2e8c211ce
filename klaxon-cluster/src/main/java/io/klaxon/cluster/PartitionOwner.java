package io.klaxon.cluster;

import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.CommandResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the partitions this instance owns: cluster mode's seam to the alert engine. Called by the
 * owner loop only, one call at a time.
 */
interface PartitionOwner extends AutoCloseable {

  /** Loads the partition's active alerts and starts applying its commands under {@code epoch}. */
  void take(int partition, long epoch);

  /** Stops applying the partition's commands and forgets its alerts; nothing if not owned. */
  void drop(int partition);

  /** The partitions taken and not dropped. */
  Set<Integer> owned();

  /**
   * Applies the commands of records up to {@code nextOffset} (exclusive) of an owned partition, and
   * records that offset in the same transaction, fenced by the epoch it was taken with.
   *
   * @return one result per command, once committed; failed with the cause when not
   */
  CompletableFuture<List<CommandResult>> apply(
      int partition, List<AlertCommand> commands, long nextOffset);

  /** Drops every partition. */
  @Override
  void close();
}
