package io.klaxon.store;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An alert store that hands every call to another: the base of views that change a few calls (the
 * store as one partition's engine sees it, a fenced owner's store in cluster mode).
 */
public abstract class ForwardingAlertStore implements AlertStore {

  /** The store every call not overridden goes to. */
  protected final AlertStore delegate;

  protected ForwardingAlertStore(AlertStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<Alert> loadActive() {
    return delegate.loadActive();
  }

  @Override
  public Partitioning partitioning() {
    return delegate.partitioning();
  }

  @Override
  public List<Alert> loadActive(int partition) {
    return delegate.loadActive(partition);
  }

  @Override
  public long maxAlertId() {
    return delegate.maxAlertId();
  }

  @Override
  public Optional<IdBlocks> idBlocks() {
    return delegate.idBlocks();
  }

  @Override
  public Optional<Alert> findById(long id) {
    return delegate.findById(id);
  }

  @Override
  public AlertPage find(AlertQuery query) {
    return delegate.find(query);
  }

  @Override
  public AlertStats stats(AlertQuery query) {
    return delegate.stats(query);
  }

  @Override
  public List<HistoryEntry> history(long alertId) {
    return delegate.history(alertId);
  }

  @Override
  public Optional<Subject> findSubject(String type, String key) {
    return delegate.findSubject(type, key);
  }

  @Override
  public List<Long> finalAlertsBefore(Instant cutoff, int limit) {
    return delegate.finalAlertsBefore(cutoff, limit);
  }

  @Override
  public void commit(ChangeSet changes) {
    delegate.commit(changes);
  }
}
