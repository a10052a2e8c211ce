package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Subject;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store as one partition's engine sees it: its active alerts are that partition's alone, so a
 * partition's memory loads (and reloads after a failed commit) on its own.
 */
final class PartitionStore implements AlertStore {

  private final AlertStore store;
  private final int partition;

  PartitionStore(AlertStore store, int partition) {
    this.store = store;
    this.partition = partition;
  }

  @Override
  public List<Alert> loadActive() {
    return store.loadActive(partition);
  }

  @Override
  public Partitioning partitioning() {
    return store.partitioning();
  }

  @Override
  public List<Alert> loadActive(int other) {
    return store.loadActive(other);
  }

  @Override
  public long maxAlertId() {
    return store.maxAlertId();
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
    store.commit(changes);
  }
}
