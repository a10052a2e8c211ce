package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.store.AlertCounts;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet.SubjectRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The engine's memory: every active alert by fingerprint and by id, as last committed, and the last
 * id handed out. Written only by the engine's writer; read from any thread. The alerts kept are
 * compact copies, equal to those committed (see {@link AlertCompactor}).
 */
final class ActiveIndex {

  /**
   * One active alert's place, shared by both maps: a change of the alert replaces what the slot
   * holds and touches neither map, and the re-trigger tally lives in it instead of a map of its own
   * (a node and a boxed id per alert, 70 bytes, under steady re-triggers).
   *
   * <p>A pure re-trigger moves only occurrences, lastSeenAt and version: those are primitive fields
   * written in place, and the alert is built from them and the alert as committed at its last other
   * change on read. A new alert per re-trigger lived as long as the time between two re-triggers of
   * it (seconds), so it was promoted and died in the old generation, which then filled to the heap
   * ceiling (issue 22). The writer alone writes; readers get a consistent alert through {@link
   * #seq}, odd while the writer writes.
   */
  private static final class Slot {

    /** The alert as committed at its last change of anything but its counts. */
    private volatile Alert base;

    private volatile int seq;
    private volatile long occurrences;
    private volatile long lastSeenSecond;
    private volatile int lastSeenNano;
    private volatile long version;

    /**
     * What the history has not yet told of its re-triggers, as a {@link RetriggerTally}'s fields
     * (the writer's alone): a tally object per summary lived a minute and died old, too.
     */
    private boolean tallied;

    private long recorded;
    private long pendingSince;
    private long lastSummaryAt;

    /**
     * The {@link TriggerDigest} of {@link #base} for triggers merged by {@link #digestedFor} (the
     * writer's alone, worked out at the first trigger that brings a digest after the base changed):
     * a trigger with the same digest moves only the counts, known without reading the base's text
     * and attributes, which are no longer in the CPU's caches when the next re-trigger comes.
     */
    private @Nullable AttributeMerge digestedFor;

    private long digestHigh;
    private long digestLow;

    /** Null when the history is up to date. */
    @Nullable RetriggerTally tally() {
      return tallied ? new RetriggerTally(recorded, pendingSince, lastSummaryAt) : null;
    }

    void tally(@Nullable RetriggerTally tally) {
      tallied = tally != null;
      if (tally != null) {
        recorded = tally.recorded();
        pendingSince = tally.pendingSince();
        lastSummaryAt = tally.lastSummaryAt();
      }
    }

    Slot(Alert alert) {
      this.base = alert;
      this.occurrences = alert.occurrences();
      Instant seen = alert.lastSeenAt();
      this.lastSeenSecond = seen.getEpochSecond();
      this.lastSeenNano = seen.getNano();
      this.version = alert.version();
    }

    /** The id and fingerprint, which no change of the slot moves. */
    Alert identity() {
      return base;
    }

    /** The alert as last committed: built from its counts unless they did not move (any thread). */
    Alert alert() {
      while (true) {
        int before = seq;
        if ((before & 1) == 0) {
          Alert kept = base;
          long count = occurrences;
          long second = lastSeenSecond;
          int nano = lastSeenNano;
          long moved = version;
          if (seq == before) {
            return withCounts(kept, count, second, nano, moved);
          }
        }
        Thread.onSpinWait();
      }
    }

    /**
     * The alert re-triggered, built from the base and the counts without the alert in between: the
     * writer's alone, which needs no {@link #seq} since nothing else writes the slot.
     */
    TriggerRules.Retriggered retrigger(
        AlertCommand.Trigger trigger, @Nullable TriggerDigest digest, Instant occurredAt) {
      if (digest != null && bringsNothingNew(trigger.merge(), digest)) {
        return TriggerRules.countsOnly(
            base, occurrences, lastSeenSecond, lastSeenNano, version, occurredAt);
      }
      return TriggerRules.retrigger(
          base, occurrences, lastSeenSecond, lastSeenNano, version, trigger, occurredAt);
    }

    /** Whether a trigger of this digest brings exactly what the base holds. */
    private boolean bringsNothingNew(AttributeMerge merge, TriggerDigest digest) {
      AttributeMerge digested = digestedFor;
      if (!Objects.equals(digested, merge)) { // the same object for every Alertmanager trigger
        TriggerDigest held = TriggerDigest.of(base, merge);
        if (held == null) {
          return false;
        }
        digestedFor = merge;
        digestHigh = held.high();
        digestLow = held.low();
      }
      return digest.high() == digestHigh && digest.low() == digestLow;
    }

    /** Keeps a committed alert (the writer's). */
    void hold(Alert committed, boolean countsOnly) {
      int before = seq;
      seq = before + 1;
      if (!countsOnly) {
        base = committed;
        digestedFor = null;
      }
      occurrences = committed.occurrences();
      Instant seen = committed.lastSeenAt();
      lastSeenSecond = seen.getEpochSecond();
      lastSeenNano = seen.getNano();
      version = committed.version();
      seq = before + 2;
    }
  }

  private static boolean upTo(RetriggerTally tally, Alert alert) {
    return tally.recorded() == alert.occurrences()
        && tally.pendingSince() == RetriggerTally.NONE
        && tally.lastSummaryAt() == RetriggerTally.NONE;
  }

  /**
   * Whether {@code committed} differs from {@code base} in nothing but its counts: the record's
   * equality but for those, without building an alert to compare.
   */
  private static boolean countsOnly(Alert base, Alert committed) {
    return base.id() == committed.id()
        && base.autoResolved() == committed.autoResolved()
        && base.severity() == committed.severity()
        && base.status() == committed.status()
        && base.previousSeverity() == committed.previousSeverity()
        && Objects.equals(base.fingerprint(), committed.fingerprint())
        && Objects.equals(base.source(), committed.source())
        && Objects.equals(base.type(), committed.type())
        && Objects.equals(base.title(), committed.title())
        && Objects.equals(base.message(), committed.message())
        && Objects.equals(base.subject(), committed.subject())
        && Objects.equals(base.value(), committed.value())
        && Objects.equals(base.previousValue(), committed.previousValue())
        && Objects.equals(base.threshold(), committed.threshold())
        && Objects.equals(base.changePercent(), committed.changePercent())
        && Objects.equals(base.detectedAt(), committed.detectedAt())
        && Objects.equals(base.acknowledgedAt(), committed.acknowledgedAt())
        && Objects.equals(base.acknowledgedBy(), committed.acknowledgedBy())
        && Objects.equals(base.resolvedAt(), committed.resolvedAt())
        && Objects.equals(base.resolvedBy(), committed.resolvedBy())
        && Objects.equals(base.expiresAt(), committed.expiresAt())
        && Objects.equals(base.suppressedBy(), committed.suppressedBy())
        && Objects.equals(base.attributes(), committed.attributes());
  }

  private static Alert withCounts(
      Alert base, long occurrences, long lastSeenSecond, int lastSeenNano, long version) {
    Instant lastSeen = base.lastSeenAt();
    if (base.occurrences() == occurrences
        && base.version() == version
        && lastSeen.getEpochSecond() == lastSeenSecond
        && lastSeen.getNano() == lastSeenNano) {
      return base;
    }
    return base.withCounts(
        occurrences, Instant.ofEpochSecond(lastSeenSecond, lastSeenNano), version);
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
      byFingerprint.put(slot.identity().fingerprint(), slot);
      byId.put(slot.identity().id(), slot);
    }
    lastId = maxId;
  }

  Optional<Alert> byFingerprint(String fingerprint) {
    Slot slot = byFingerprint.get(fingerprint);
    return slot == null ? Optional.empty() : Optional.of(slot.alert());
  }

  /** The active alert for a fingerprint as re-triggered; null when none (the writer's alone). */
  TriggerRules.@Nullable Retriggered retrigger(
      String fingerprint,
      AlertCommand.Trigger trigger,
      @Nullable TriggerDigest digest,
      Instant occurredAt) {
    Slot slot = byFingerprint.get(fingerprint);
    return slot == null ? null : slot.retrigger(trigger, digest, occurredAt);
  }

  Optional<Alert> byId(long id) {
    Slot slot = byId.get(id);
    return slot == null ? Optional.empty() : Optional.of(slot.alert());
  }

  /**
   * Adds an active alert's counts to those of a fold, without building the alert; nothing when it
   * is not active here (made final or deleted since: that change wrote its row). The writer's
   * alone, which needs no {@link Slot#seq}.
   */
  void countsOf(long id, AlertCounts into) {
    Slot slot = byId.get(id);
    if (slot != null) {
      into.add(
          id,
          slot.occurrences,
          AlertCounts.micros(slot.lastSeenSecond, slot.lastSeenNano),
          slot.version);
    }
  }

  /** The active alerts about a subject: a scan, fine for the rare purge. */
  List<Alert> ofSubject(SubjectRef subject) {
    return all().stream().filter(subject::matches).toList();
  }

  /** What the history has not yet told of an active alert's re-triggers; null when up to date. */
  @Nullable RetriggerTally tally(long id) {
    Slot slot = byId.get(id);
    return slot == null ? null : slot.tally();
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

  /**
   * Takes in what a committed batch changed; {@code countsOnly} tells the alerts the batch knows
   * moved nothing but their counts, which are then not compared field by field again.
   */
  void publish(
      Iterable<Alert> touched,
      LongPredicate countsOnly,
      Map<Long, RetriggerTally> newTallies,
      long newLastId) {
    for (Alert committed : touched) {
      if (!committed.isActive()) {
        drop(committed);
        continue;
      }
      Slot slot = byId.get(committed.id());
      if (slot == null) {
        slot = new Slot(compactor.compact(committed, null));
        Slot previous = byFingerprint.put(slot.identity().fingerprint(), slot);
        if (previous != null && previous.identity().id() != committed.id()) {
          byId.remove(previous.identity().id());
        }
        byId.put(committed.id(), slot);
      } else {
        Alert base = slot.identity();
        if (countsOnly.test(committed.id()) || countsOnly(base, committed)) {
          slot.hold(committed, true);
        } else {
          slot.hold(compactor.compact(committed, base), false);
        }
      }
      RetriggerTally tally = newTallies.get(committed.id());
      if (tally != null) {
        // Up to date is the default, kept as no tally at all.
        slot.tally(upTo(tally, committed) ? null : tally);
      }
    }
    lastId = newLastId;
  }

  private void drop(Alert alert) {
    byId.remove(alert.id());
    byFingerprint.computeIfPresent(
        alert.fingerprint(),
        (fp, current) -> current.identity().id() == alert.id() ? null : current);
  }

  /** Visits every active alert, each built as it is visited and not kept. */
  void forEach(Consumer<? super Alert> action) {
    for (Slot slot : byId.values()) {
      action.accept(slot.alert());
    }
  }

  /** Every active alert, as last committed, in no order. */
  List<Alert> all() {
    List<Alert> all = new ArrayList<>(byId.size());
    for (Slot slot : byId.values()) {
      all.add(slot.alert());
    }
    return Collections.unmodifiableList(all);
  }

  /** Active alerts whose {@code expiresAt} is at or before {@code now}, oldest deadline first. */
  List<Alert> expiredBy(Instant now) {
    return byId.values().stream()
        .filter(slot -> expired(slot.identity(), now))
        .map(Slot::alert)
        .sorted(Comparator.comparing(Alert::expiresAt))
        .toList();
  }

  private static boolean expired(Alert alert, Instant now) {
    Instant expiresAt = alert.expiresAt();
    return expiresAt != null && !expiresAt.isAfter(now);
  }
}
