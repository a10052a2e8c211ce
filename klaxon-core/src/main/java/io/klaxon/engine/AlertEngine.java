package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ConcurrentChange;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one write path for alerts. It keeps the active alerts in memory by fingerprint, so that
 * de-duplication needs no read; applies commands in batches; and commits each batch to the store
 * in one transaction before its callers hear of it.
 */
public final class AlertEngine {

  private final AlertStore store;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Alert> activeByFingerprint = new HashMap<>();
  private final Map<Long, Alert> activeById = new HashMap<>();
  private long lastId;

  private AlertEngine(AlertStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Loads the active alerts from the store and returns an engine ready to apply commands. */
  public static AlertEngine start(AlertStore store, InstantSource clock) {
    AlertEngine engine = new AlertEngine(store, clock);
    engine.reload();
    return engine;
  }

  /**
   * Applies commands in order as one batch, committed in one transaction. A command that is
   * refused (unknown alert, refused transition) fails alone; the others still apply.
   *
   * @return one result per command, in the order given
   * @throws Unavailable when the batch could not be committed; then none of it applied
   */
  public List<CommandResult> apply(List<? extends AlertCommand> commands) {
    lock.lock();
    try {
      Batch batch = new Batch(this::activeFor, this::alertById, lastId, clock);
      List<CommandResult> results = new ArrayList<>(commands.size());
      for (AlertCommand command : commands) {
        results.add(batch.apply(command));
      }
      ChangeSet changes = batch.changes();
      if (!changes.isEmpty()) {
        commit(changes);
        lastId = batch.lastId();
        publish(batch.touched());
      }
      return results;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies one command.
   *
   * @return the result; its alert is null only when nothing was found to change
   * @throws KlaxonException when the command was refused or could not be committed
   */
  public CommandResult apply(AlertCommand command) {
    CommandResult result = apply(List.of(command)).getFirst();
    if (result.refusal() != null) {
      throw result.refusal();
    }
    return result;
  }

  /** The active alert for a fingerprint, as last committed. */
  public Optional<Alert> active(String fingerprint) {
    lock.lock();
    try {
      return Optional.ofNullable(activeByFingerprint.get(fingerprint));
    } finally {
      lock.unlock();
    }
  }

  public int activeCount() {
    lock.lock();
    try {
      return activeById.size();
    } finally {
      lock.unlock();
    }
  }

  private void commit(ChangeSet changes) {
    try {
      store.commit(changes);
    } catch (ConcurrentChange e) {
      // Another writer moved an alert under us: our memory is stale, so read it again.
      reload();
      throw new Unavailable("alerts changed outside this engine; retry the request", e);
    } catch (KlaxonException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new Unavailable("the alert store could not commit: " + e.getMessage(), e);
    }
  }

  private void publish(Iterable<Alert> touched) {
    for (Alert alert : touched) {
      if (alert.isActive()) {
        Alert previous = activeByFingerprint.put(alert.fingerprint(), alert);
        if (previous != null && previous.id() != alert.id()) {
          activeById.remove(previous.id());
        }
        activeById.put(alert.id(), alert);
      } else {
        activeById.remove(alert.id());
        activeByFingerprint.computeIfPresent(
            alert.fingerprint(), (fp, current) -> current.id() == alert.id() ? null : current);
      }
    }
  }

  private Optional<Alert> activeFor(String fingerprint) {
    return Optional.ofNullable(activeByFingerprint.get(fingerprint));
  }

  private Optional<Alert> alertById(long id) {
    Alert active = activeById.get(id);
    return active != null ? Optional.of(active) : store.findById(id);
  }

  private void reload() {
    lock.lock();
    try {
      activeByFingerprint.clear();
      activeById.clear();
      for (Alert alert : store.loadActive()) {
        activeByFingerprint.put(alert.fingerprint(), alert);
        activeById.put(alert.id(), alert);
      }
      lastId = store.maxAlertId();
    } finally {
      lock.unlock();
    }
  }
}
