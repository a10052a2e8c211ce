package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.store.AlertCounts;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ForwardingAlertStore;
import io.klaxon.store.Retriggers;
import java.util.List;
import java.util.function.Consumer;

/**
 * The store as one partition's engine sees it: its active alerts are that partition's alone, so a
 * partition's memory loads (and reloads after a failed commit) on its own. Its re-trigger log goes
 * to the store (a {@link ForwardingAlertStore} does not forward it: a view that only overrides
 * {@link #commit(ChangeSet)}, such as a fenced owner's in cluster mode, keeps every change in it).
 */
final class PartitionStore extends ForwardingAlertStore {

  private final int partition;

  PartitionStore(AlertStore store, int partition) {
    super(store);
    this.partition = partition;
  }

  @Override
  public List<Alert> loadActive() {
    return delegate.loadActive(partition);
  }

  @Override
  public void forEachActive(Consumer<? super Alert> each) {
    delegate.forEachActive(partition, each);
  }

  @Override
  public long commit(ChangeSet changes, Retriggers retriggers) {
    return delegate.commit(changes, retriggers);
  }

  @Override
  public boolean joinsPartitionCommits() {
    return delegate.joinsPartitionCommits();
  }

  @Override
  public void fold(int partition, AlertCounts alerts, List<Long> entries) {
    delegate.fold(partition, alerts, entries);
  }
}
