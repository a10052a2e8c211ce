package io.klaxon.cluster;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Partitioning;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertIds;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.EngineMetrics;
import io.klaxon.engine.EngineSettings;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.cluster.JdbcPartitionLedger;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One {@link AlertEngine} per owned partition, each over its {@link PartitionStore}: its own memory
 * of the partition's active alerts, writer thread and ordered, fenced commits.
 */
final class EnginePerPartition implements PartitionOwner {

  private final JdbcAlertStore store;
  private final JdbcPartitionLedger ledger;
  private final Partitioning partitioning;
  private final InstantSource clock;
  private final EngineSettings settings;
  private final EngineMetrics metrics;
  private final Consumer<List<Alert>> committed;
  private final AlertIds ids;
  private final Map<Integer, Owned> owned = new ConcurrentHashMap<>();

  private record Owned(long epoch, PartitionStore store, AlertEngine engine) {}

  EnginePerPartition(
      JdbcAlertStore store,
      JdbcPartitionLedger ledger,
      Partitioning partitioning,
      InstantSource clock,
      EngineSettings settings,
      EngineMetrics metrics,
      Consumer<List<Alert>> committed) {
    this.store = store;
    this.ledger = ledger;
    this.partitioning = partitioning;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.committed = committed;
    this.ids = new BlockIds(ledger);
  }

  @Override
  public void take(int partition, long epoch) {
    drop(partition);
    PartitionStore view = new PartitionStore(store, partition, epoch);
    AlertEngine engine = AlertEngine.start(view, clock, settings, metrics, ids);
    engine.onCommitted(committed);
    owned.put(partition, new Owned(epoch, view, engine));
  }

  @Override
  public void drop(int partition) {
    Owned gone = owned.remove(partition);
    if (gone != null) {
      gone.engine().close();
    }
  }

  @Override
  public Set<Integer> owned() {
    return Set.copyOf(owned.keySet());
  }

  /** The engine of a fingerprint's partition, when this instance owns it; else null. */
  @Nullable AlertEngine engineOf(String fingerprint) {
    Owned owner = owned.get(partitioning.of(fingerprint));
    return owner == null ? null : owner.engine();
  }

  /** Active alerts in the partitions this instance owns. */
  int activeCount() {
    return owned.values().stream().mapToInt(o -> o.engine().activeCount()).sum();
  }

  /** The engines of the owned partitions, for jobs that run in each partition's owner. */
  List<AlertEngine> engines() {
    return owned.values().stream().map(Owned::engine).toList();
  }

  @Override
  public CompletableFuture<List<CommandResult>> apply(
      int partition, List<AlertCommand> commands, long nextOffset) {
    Owned owner = owned.get(partition);
    if (owner == null) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("partition " + partition + " is not owned here"));
    }
    owner.store().nextOffset(nextOffset);
    CompletableFuture<List<CommandResult>> applied;
    try {
      applied = owner.engine().submit(commands);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    // A batch that changed nothing (only refusals) did not commit: its offset is recorded alone.
    return applied.thenApply(
        results -> {
          if (!owner.store().offsetCommitted()) {
            ledger.advance(partition, owner.epoch(), nextOffset);
          }
          return results;
        });
  }

  @Override
  public void close() {
    for (Integer partition : owned()) {
      drop(partition);
    }
  }
}
