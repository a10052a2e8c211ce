package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet.SubjectRef;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The engine's memory: every active alert by fingerprint and by id, as last committed, and the last
 * id handed out. Written only by the engine's writer; read from any thread. The alerts kept are
 * compact copies, equal to those committed (see {@link AlertCompactor}).
 */
final class ActiveIndex {

  private final Map<String, Alert> byFingerprint = new ConcurrentHashMap<>();
  private final Map<Long, Alert> byId = new ConcurrentHashMap<>();

  /** Re-triggers the history has not told yet, by alert id: the writer's alone. */
  private final Map<Long, RetriggerTally> tallies = new HashMap<>();

  /** Shares the strings of the alerts kept: the writer's alone. */
  private final AlertCompactor compactor = new AlertCompactor();

  private volatile long lastId;

  void reload(AlertStore store) {
    var active = store.loadActive();
    long maxId = store.maxAlertId();
    byFingerprint.clear();
    byId.clear();
    tallies.clear();
    for (Alert loaded : active) {
      Alert alert = compactor.compact(loaded, null);
      byFingerprint.put(alert.fingerprint(), alert);
      byId.put(alert.id(), alert);
    }
    lastId = maxId;
  }

  Optional<Alert> byFingerprint(String fingerprint) {
    return Optional.ofNullable(byFingerprint.get(fingerprint));
  }

  Optional<Alert> byId(long id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The active alerts about a subject: a scan, fine for the rare purge. */
  List<Alert> ofSubject(SubjectRef subject) {
    return byId.values().stream().filter(subject::matches).toList();
  }

  /** What the history has not yet told of an active alert's re-triggers; null when up to date. */
  @Nullable RetriggerTally tally(long id) {
    return tallies.get(id);
  }

  int size() {
    return byId.size();
  }

  long lastId() {
    return lastId;
  }

  /** Drops alerts that a committed batch deleted. */
  void forget(Iterable<Alert> deleted) {
    for (Alert alert : deleted) {
      byId.remove(alert.id());
      tallies.remove(alert.id());
      byFingerprint.computeIfPresent(
          alert.fingerprint(), (fp, current) -> current.id() == alert.id() ? null : current);
    }
  }

  /** Takes in what a committed batch changed. */
  void publish(Iterable<Alert> touched, Map<Long, RetriggerTally> newTallies, long newLastId) {
    for (Alert committed : touched) {
      if (committed.isActive()) {
        Alert alert = compactor.compact(committed, byId.get(committed.id()));
        Alert previous = byFingerprint.put(alert.fingerprint(), alert);
        if (previous != null && previous.id() != alert.id()) {
          byId.remove(previous.id());
          tallies.remove(previous.id());
        }
        byId.put(alert.id(), alert);
        RetriggerTally tally = newTallies.get(alert.id());
        if (tally != null && tally.equals(RetriggerTally.upTo(alert))) {
          tallies.remove(alert.id()); // up to date: the default, kept without an entry
        } else if (tally != null) {
          tallies.put(alert.id(), tally);
        }
      } else {
        byId.remove(committed.id());
        tallies.remove(committed.id());
        byFingerprint.computeIfPresent(
            committed.fingerprint(),
            (fp, current) -> current.id() == committed.id() ? null : current);
      }
    }
    lastId = newLastId;
  }

  /** Every active alert, as last committed, in no order. */
  List<Alert> all() {
    return List.copyOf(byId.values());
  }

  /** Active alerts whose {@code expiresAt} is at or before {@code now}, oldest deadline first. */
  List<Alert> expiredBy(Instant now) {
    return byId.values().stream()
        .filter(a -> a.expiresAt() != null && !a.expiresAt().isAfter(now))
        .sorted(Comparator.comparing(Alert::expiresAt))
        .toList();
  }
}
