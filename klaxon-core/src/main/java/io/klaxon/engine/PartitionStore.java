package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ForwardingAlertStore;
import java.util.List;

/**
 * The store as one partition's engine sees it: its active alerts are that partition's alone, so a
 * partition's memory loads (and reloads after a failed commit) on its own.
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
}
