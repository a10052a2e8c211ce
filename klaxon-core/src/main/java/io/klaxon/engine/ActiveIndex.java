package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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

  /**
   * One active alert's place, shared by both maps: a change of the alert (a re-trigger) replaces
   * what the slot holds and touches neither map, and the re-trigger tally lives in it instead of a
   * map of its own (a node and a boxed id per alert, 70 bytes, under steady re-triggers).
   */
  private static final class Slot {

    volatile Alert alert;

    /** What the history has not yet told of its re-triggers; null when up to date (writer's). */
    @Nullable RetriggerTally tally;

    Slot(Alert alert) {
      this.alert = alert;
    }
  }

  private final Map<String, Slot> byFingerprint = new ConcurrentHashMap<>();
  private final Map<Long, Slot> byId = new ConcurrentHashMap<>();

  /** Shares the strings of the alerts kept: the writer's alone. */
  private final AlertCompactor compactor = new AlertCompactor();

  private volatile long lastId;

  /**
   * Reads the active alerts from the store again. They come one at a time and only their compact
   * copies are kept: a list of them all, as read, held twice the heap the index needs.
   */
  void reload(AlertStore store) {
    List<Slot> loaded = new ArrayList<>();
    store.forEachActive(alert -> loaded.add(new Slot(compactor.compact(alert, null))));
    long maxId = store.maxAlertId();
    byFingerprint.clear();
    byId.clear();
    for (Slot slot : loaded) {
      byFingerprint.put(slot.alert.fingerprint(), slot);
      byId.put(slot.alert.id(), slot);
    }
    lastId = maxId;
  }

  Optional<Alert> byFingerprint(String fingerprint) {
    Slot slot = byFingerprint.get(fingerprint);
    return slot == null ? Optional.empty() : Optional.of(slot.alert);
  }

  Optional<Alert> byId(long id) {
    Slot slot = byId.get(id);
    return slot == null ? Optional.empty() : Optional.of(slot.alert);
  }

  /** The active alerts about a subject: a scan, fine for the rare purge. */
  List<Alert> ofSubject(SubjectRef subject) {
    return all().stream().filter(subject::matches).toList();
  }

  /** What the history has not yet told of an active alert's re-triggers; null when up to date. */
  @Nullable RetriggerTally tally(long id) {
    Slot slot = byId.get(id);
    return slot == null ? null : slot.tally;
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
      drop(alert);
    }
  }

  /** Takes in what a committed batch changed. */
  void publish(Iterable<Alert> touched, Map<Long, RetriggerTally> newTallies, long newLastId) {
    for (Alert committed : touched) {
      if (!committed.isActive()) {
        drop(committed);
        continue;
      }
      Slot slot = byId.get(committed.id());
      if (slot == null) {
        slot = new Slot(compactor.compact(committed, null));
        Slot previous = byFingerprint.put(slot.alert.fingerprint(), slot);
        if (previous != null && previous.alert.id() != committed.id()) {
          byId.remove(previous.alert.id());
        }
        byId.put(committed.id(), slot);
      } else {
        slot.alert = compactor.compact(committed, slot.alert);
      }
      RetriggerTally tally = newTallies.get(committed.id());
      if (tally != null) {
        // Up to date is the default, kept as no tally at all.
        slot.tally = tally.equals(RetriggerTally.upTo(committed)) ? null : tally;
      }
    }
    lastId = newLastId;
  }

  private void drop(Alert alert) {
    byId.remove(alert.id());
    byFingerprint.computeIfPresent(
        alert.fingerprint(), (fp, current) -> current.alert.id() == alert.id() ? null : current);
  }

  /** Every active alert, as last committed, in no order. */
  List<Alert> all() {
    List<Alert> all = new ArrayList<>(byId.size());
    for (Slot slot : byId.values()) {
      all.add(slot.alert);
    }
    return Collections.unmodifiableList(all);
  }

  /** Active alerts whose {@code expiresAt} is at or before {@code now}, oldest deadline first. */
  List<Alert> expiredBy(Instant now) {
    return byId.values().stream()
        .map(slot -> slot.alert)
        .filter(a -> a.expiresAt() != null && !a.expiresAt().isAfter(now))
        .sorted(Comparator.comparing(Alert::expiresAt))
        .toList();
  }
}
