package io.klaxon.bench.jmh;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A store that keeps nothing and commits instantly, so a benchmark sees the engine's own cost. It
 * counts what it was given, so that the JIT cannot prove a change set unused.
 */
public final class NullStore implements AlertStore {

  private volatile long committed;

  @Override
  public List<Alert> loadActive() {
    return List.of();
  }

  @Override
  public long maxAlertId() {
    return 0;
  }

  @Override
  public Optional<Alert> findById(long id) {
    return Optional.empty();
  }

  @Override
  public AlertPage find(AlertQuery query) {
    return new AlertPage(List.of(), 0, Map.of());
  }

  @Override
  public AlertStats stats(AlertQuery query) {
    return new AlertStats(0, Map.of(), Map.of(), Map.of(), Map.of());
  }

  @Override
  public List<HistoryEntry> history(long alertId) {
    return List.of();
  }

  @Override
  public Optional<Subject> findSubject(String type, String key) {
    return Optional.empty();
  }

  @Override
  public void commit(ChangeSet changes) {
    // Only the writer thread commits, so this read-then-write needs no atomic.
    committed = committed + changes.created().size() + changes.updated().size();
  }

  /** Alerts created or updated so far. */
  public long committed() {
    return committed;
  }
}
