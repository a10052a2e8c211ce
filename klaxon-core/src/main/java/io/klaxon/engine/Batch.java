package io.klaxon.engine;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Lifecycle;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.SubjectRef;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The changes of one engine batch before commit: an overlay over the engine's memory, so that a
 * later command in the batch sees what an earlier one did, and repeated changes of one alert are
 * coalesced into one row update.
 */
final class Batch {

  private final CommittedAlerts committed;
  private final InstantSource clock;
  private final AlertIds ids;

  /**
   * Whether this batch's partition deletes a purged subject's row, whose cascade takes the
   * subject's alerts in every partition; the other partitions only drop their memory of them.
   */
  private final Predicate<SubjectRef> deletesSubject;

  /** The first and the highest id this batch handed out, 0 when none. */
  private long firstNewId;

  private long highestNewId;

  private final Map<Long, Alert> touched = new LinkedHashMap<>();
  private final Map<Long, Long> storedVersions = new HashMap<>();
  private final Set<Long> created = new HashSet<>();

  /**
   * Stored alerts that this batch only re-triggered so far, moving nothing but occurrences,
   * lastSeenAt and version: they go to the partition's log instead of their rows.
   */
  private final Set<Long> countsOnly = new HashSet<>();

  /**
   * The re-trigger tallies of active alerts this batch changed; the engine keeps them on commit.
   */
  private final Map<Long, RetriggerTally> tallies = new HashMap<>();

  /** Fingerprints whose active alert this batch changed; a null value means "none active". */
  private final Map<String, Long> activeIds = new HashMap<>();

  private final Map<String, Subject> subjects = new LinkedHashMap<>();
  private final List<HistoryEntry> history = new ArrayList<>();
  private final Set<SubjectRef> purged = new LinkedHashSet<>();

  /** Committed active alerts that purges or deletes remove: the engine's memory drops them. */
  private final Map<Long, Alert> purgedActive = new LinkedHashMap<>();

  /** Stored final alerts that this batch deletes (retention). */
  private final Set<Long> deleted = new LinkedHashSet<>();

  Batch(
      CommittedAlerts committed,
      AlertIds ids,
      Predicate<SubjectRef> deletesSubject,
      InstantSource clock) {
    this.committed = committed;
    this.ids = ids;
    this.deletesSubject = deletesSubject;
    this.clock = clock;
  }

  /**
   * Applies one command; a trigger's {@link TriggerDigest}, where its caller worked one out, lets a
   * re-send move only the counts without comparing field by field (null: compare them).
   */
  CommandResult apply(AlertCommand command, @Nullable TriggerDigest digest) {
    try {
      return switch (command) {
        case AlertCommand.Trigger trigger -> trigger(trigger, digest);
        case AlertCommand.Change change -> change(change);
        case AlertCommand.Note note -> note(note);
        case AlertCommand.Suppress suppress -> suppress(suppress);
        case AlertCommand.Purge purge ->
            purge(new SubjectRef(purge.subjectType(), purge.subjectKey()));
        case AlertCommand.Delete delete -> delete(delete.alertId());
      };
    } catch (Unavailable storeAway) {
      throw storeAway; // the whole group rides it out (GroupCommit), no command is refused for it
    } catch (KlaxonException refused) {
      return CommandResult.refused(refused);
    }
  }

  /** What this batch changed, but for its {@link #retriggers}. */
  ChangeSet changes() {
    List<Alert> inserts = new ArrayList<>();
    List<ChangeSet.AlertUpdate> updates = new ArrayList<>();
    for (Alert alert : touched.values()) {
      if (created.contains(alert.id())) {
        inserts.add(alert);
      } else if (!countsOnly.contains(alert.id())) {
        // touch() records the stored version of every alert it did not create
        long storedVersion = Objects.requireNonNull(storedVersions.get(alert.id()));
        updates.add(new ChangeSet.AlertUpdate(alert, storedVersion));
      }
    }
    return new ChangeSet(
        List.copyOf(subjects.values()),
        inserts,
        updates,
        history,
        List.copyOf(purged),
        highestNewId,
        List.copyOf(deleted));
  }

  /**
   * The stored alerts this batch only re-triggered (only occurrences, lastSeenAt and version
   * moved), each with the version the engine's memory held before; {@link #changes} leaves them
   * out.
   */
  List<ChangeSet.AlertUpdate> retriggers() {
    List<ChangeSet.AlertUpdate> retriggered = new ArrayList<>(countsOnly.size());
    for (Alert alert : touched.values()) {
      if (countsOnly.contains(alert.id())) {
        retriggered.add(
            new ChangeSet.AlertUpdate(
                alert, Objects.requireNonNull(storedVersions.get(alert.id()))));
      }
    }
    return retriggered;
  }

  /** Whether this batch decided which alert, if any, is active for the fingerprint. */
  boolean decides(String fingerprint) {
    return activeIds.containsKey(fingerprint);
  }

  /** The alert this batch left active for a fingerprint it {@link #decides}; null for none. */
  @Nullable Alert activeAfter(String fingerprint) {
    Long id = activeIds.get(fingerprint);
    return id == null ? null : touched.get(id);
  }

  /** The alert with this id as this batch left it; null when the batch did not touch it. */
  @Nullable Alert touched(long id) {
    return touched.get(id);
  }

  /**
   * Whether this batch only re-triggered the stored alert with this id (see {@link #retriggers}).
   */
  boolean countsOnly(long id) {
    return countsOnly.contains(id);
  }

  Collection<Alert> touched() {
    return touched.values();
  }

  /** The committed active alerts that this batch's purges and deletes remove. */
  Collection<Alert> purged() {
    return purgedActive.values();
  }

  /** The highest id this batch handed out, 0 when none. */
  long highestNewId() {
    return highestNewId;
  }

  /** Gives back the ids this batch handed out, for it was not committed. */
  void giveBackIds() {
    if (highestNewId != 0) {
      ids.giveBack(firstNewId, highestNewId);
    }
  }

  /** The re-trigger tallies of the alerts this batch changed, by alert id. */
  Map<Long, RetriggerTally> tallies() {
    return tallies;
  }

  private CommandResult trigger(AlertCommand.Trigger trigger, @Nullable TriggerDigest digest) {
    Instant now = now();
    Instant occurredAt =
        trigger.occurredAt() == null ? now : trigger.occurredAt().truncatedTo(ChronoUnit.MICROS);
    TriggerRules.Retriggered retrigger = retrigger(trigger, digest, occurredAt);
    if (retrigger != null) {
      Alert after = retrigger.alert();
      // A re-trigger moves neither the id nor the status, and exactly one occurrence.
      AlertStatus statusBefore = after.status();
      // A re-trigger about the subject its alert already has writes no subject row: the row was
      // written when the alert took the subject (upserting it again was a third of the writer's
      // work per re-trigger in the issue 22 profile).
      Subject subject = after.subject();
      if (retrigger.subjectMoved() && subject != null) {
        subjects.put(subject.reference(), subject);
      }
      RetriggerTally tally = tally(after.id(), after.occurrences() - 1);
      if (!retrigger.pure()) {
        record(
            tally,
            after,
            now,
            trigger.actor(),
            HistoryAction.RETRIGGERED,
            statusBefore,
            retrigger.changes(),
            null);
      } else if (tally.summaryDue(now)) {
        boolean onlyCountsBefore = !touched.containsKey(after.id()) || countsOnly(after.id());
        record(
            tally,
            after,
            now,
            trigger.actor(),
            HistoryAction.RETRIGGERED,
            statusBefore,
            List.of(),
            tally.summary(after, now));
        tallies.put(after.id(), tally.summarized(after, now));
        // The summary is a history row of its own; the alert's row needs no rewrite for it, as only
        // its counts moved: they go to the log as a pure re-trigger's do. A summary rewrote the
        // whole row, and at one per alert a minute it was the largest share of PostgreSQL's work
        // per re-trigger at 100,000 alerts (issue 22, BENCHMARKS.md).
        if (onlyCountsBefore && !created.contains(after.id()) && retrigger.countsOnly()) {
          countsOnly.add(after.id());
        }
      } else {
        boolean firstTouch = !touched.containsKey(after.id());
        keep(after, true); // counted on the alert; a later entry tells it
        tallies.put(after.id(), tally.pending(now));
        if ((firstTouch || countsOnly.contains(after.id()))
            && !created.contains(after.id())
            && retrigger.countsOnly()) {
          countsOnly.add(after.id());
        } else {
          countsOnly.remove(after.id());
        }
      }
      return CommandResult.of(Outcome.UPDATED, after);
    }
    Subject subject = trigger.subject();
    if (subject != null) {
      subjects.put(subject.reference(), subject);
    }
    highestNewId = ids.next();
    if (firstNewId == 0) {
      firstNewId = highestNewId;
    }
    // A new alert is dated by when its condition began, where the producer says so; never later
    // than it was seen.
    Instant startedAt = trigger.startedAt();
    Instant detectedAt =
        startedAt != null && startedAt.isBefore(occurredAt)
            ? startedAt.truncatedTo(ChronoUnit.MICROS)
            : occurredAt;
    Alert alert = TriggerRules.open(highestNewId, trigger, detectedAt);
    created.add(alert.id());
    record(alert, now, trigger.actor(), HistoryAction.CREATED, null, List.of(), null);
    return CommandResult.of(Outcome.CREATED, alert);
  }

  private CommandResult change(AlertCommand.Change change) {
    Optional<Alert> found = find(change.target());
    if (found.isEmpty()) {
      return CommandResult.of(Outcome.UNCHANGED, null);
    }
    Alert before = found.get();
    StartedBy condition = change.onlyIfStartedBy();
    if (condition != null && !condition.holdsFor(before)) {
      return CommandResult.of(Outcome.UNCHANGED, before);
    }
    Instant now = now();
    Optional<Alert> after =
        Lifecycle.apply(before, change.transition(), now, change.actor(), change.automatic());
    if (after.isEmpty()) {
      return CommandResult.of(Outcome.UNCHANGED, before);
    }
    record(
        after.get(),
        now,
        change.actor(),
        change.transition().action(),
        before.status(),
        List.of(),
        change.note());
    return CommandResult.of(outcomeOf(change.transition()), after.get());
  }

  private CommandResult suppress(AlertCommand.Suppress suppress) {
    Optional<Alert> found = find(new AlertRef.ById(suppress.alertId()));
    if (found.isEmpty()
        || !found.get().isActive()
        || found.get().suppressedBy().equals(suppress.suppressedBy())) {
      return CommandResult.of(Outcome.UNCHANGED, found.orElse(null));
    }
    Alert before = found.get();
    Alert after = before.withSuppressedBy(suppress.suppressedBy());
    record(
        after,
        now(),
        suppress.actor(),
        SuppressionRules.action(after),
        before.status(),
        List.of(SuppressionRules.change(before, after)),
        null);
    return CommandResult.of(Outcome.UPDATED, after);
  }

  private CommandResult note(AlertCommand.Note note) {
    Optional<Alert> found = find(note.target());
    if (found.isEmpty()) {
      return CommandResult.of(Outcome.UNCHANGED, null);
    }
    Alert after = found.get().touched();
    record(after, now(), note.actor(), HistoryAction.NOTED, after.status(), List.of(), note.text());
    return CommandResult.of(Outcome.NOTED, after);
  }

  /**
   * Deletes a subject's alerts from the batch and, once committed, from the store. The batch's own
   * changes to them are dropped: the store deletes the purged subject before it writes the rest, so
   * an update of one of its alerts would find no row. The alerts' fingerprints are free again, so a
   * later trigger in the batch opens a new alert.
   *
   * <p>Refused (to be retried) when an earlier command of the batch moved a stored alert onto or
   * away from the subject: the store, deleting first, would see the alert where it was.
   */
  private CommandResult purge(SubjectRef subject) {
    Set<Long> doomed = new LinkedHashSet<>();
    for (Alert alert : touched.values()) {
      boolean now = subject.matches(alert);
      if (!created.contains(alert.id()) && storedAbout(alert.id(), subject) != now) {
        return CommandResult.refused(
            new Unavailable(
                "an alert about "
                    + subject.type()
                    + "/"
                    + subject.key()
                    + " changed subject in the same batch; retry the purge"));
      }
      if (now) {
        doomed.add(alert.id());
      }
    }
    for (Alert stored : committed.ofSubject(subject)) {
      purgedActive.put(stored.id(), stored);
      doomed.add(stored.id());
    }
    for (long id : doomed) { // first free the fingerprints, while the overlay still has them
      Alert current = touched.containsKey(id) ? touched.get(id) : purgedActive.get(id);
      if (current != null && active(current.fingerprint()).map(a -> a.id() == id).orElse(false)) {
        activeIds.put(current.fingerprint(), null);
      }
    }
    for (long id : doomed) {
      touched.remove(id);
      created.remove(id);
      storedVersions.remove(id);
    }
    history.removeIf(entry -> doomed.contains(entry.alertId()));
    doomed.forEach(tallies::remove);
    subjects.remove(subject.type() + "/" + subject.key());
    if (deletesSubject.test(subject)) {
      purged.add(subject);
    }
    return CommandResult.of(Outcome.PURGED, null);
  }

  /**
   * Deletes a final alert with its history. The batch's own changes to it (a note, the move that
   * made it final) are dropped with it; a later command of the batch naming it finds nothing. An
   * alert created in this batch never reaches the store; its id stays spent all the same.
   */
  private CommandResult delete(long id) {
    Alert current = find(AlertRef.id(id)).orElseThrow();
    if (current.isActive()) {
      throw new TransitionRefused(id, current.status().word(), "deleted");
    }
    if (touched.containsKey(id) && !created.contains(id)) {
      // Made final by this batch: the engine's memory still holds it as active until commit.
      committed.byId(id).filter(Alert::isActive).ifPresent(was -> purgedActive.put(id, was));
    }
    touched.remove(id);
    storedVersions.remove(id);
    history.removeIf(entry -> entry.alertId() == id);
    tallies.remove(id);
    if (!created.remove(id)) {
      deleted.add(id);
    }
    return CommandResult.of(Outcome.DELETED, null);
  }

  private boolean storedAbout(long id, SubjectRef subject) {
    return committed.byId(id).map(subject::matches).orElse(false);
  }

  /** By fingerprint: the active alert or none. By id: that alert, or {@link NotFound}. */
  private Optional<Alert> find(AlertRef ref) {
    return switch (ref) {
      case AlertRef.ByFingerprint(String fingerprint) -> active(fingerprint);
      case AlertRef.ById(long id) -> {
        if (deleted.contains(id)) {
          throw new NotFound("alert", id); // deleted earlier in this batch
        }
        Alert mine = touched.get(id);
        if (mine != null) {
          yield Optional.of(mine);
        }
        Alert stored = committed.byId(id).orElseThrow(() -> new NotFound("alert", id));
        if (purged.stream().anyMatch(subject -> subject.matches(stored))) {
          throw new NotFound("alert", id); // deleted earlier in this batch
        }
        yield Optional.of(stored);
      }
    };
  }

  private Optional<Alert> active(String fingerprint) {
    if (activeIds.containsKey(fingerprint)) {
      Long id = activeIds.get(fingerprint);
      return id == null ? Optional.empty() : Optional.of(Objects.requireNonNull(touched.get(id)));
    }
    return committed.active(fingerprint);
  }

  /** The active alert for the trigger's fingerprint, re-triggered by it; null when none. */
  private TriggerRules.@Nullable Retriggered retrigger(
      AlertCommand.Trigger trigger, @Nullable TriggerDigest digest, Instant occurredAt) {
    String fingerprint = trigger.fingerprint();
    if (activeIds.containsKey(fingerprint)) {
      Long id = activeIds.get(fingerprint);
      return id == null
          ? null
          : TriggerRules.retrigger(Objects.requireNonNull(touched.get(id)), trigger, occurredAt);
    }
    return committed.retrigger(fingerprint, trigger, digest, occurredAt);
  }

  /** Records a change that did not move {@code occurrences}, with its history entry. */
  private void record(
      Alert after,
      Instant at,
      Actor actor,
      HistoryAction action,
      @Nullable AlertStatus fromStatus,
      List<HistoryEntry.FieldChange> changes,
      @Nullable String note) {
    record(
        tally(after.id(), after.occurrences()),
        after,
        at,
        actor,
        action,
        fromStatus,
        changes,
        note);
  }

  private void record(
      RetriggerTally tally,
      Alert after,
      Instant at,
      Actor actor,
      HistoryAction action,
      @Nullable AlertStatus fromStatus,
      List<HistoryEntry.FieldChange> changes,
      @Nullable String note) {
    keep(after);
    countsOnly.remove(after.id());
    tallies.put(after.id(), tally.told(after));
    history.add(
        new HistoryEntry(
            after.id(),
            after.version(),
            at,
            actor.name(),
            action,
            fromStatus,
            after.status(),
            tally.withOccurrences(after, changes),
            note));
  }

  /**
   * What the history has not yet told of the alert's re-triggers, as this batch sees it; {@code
   * occurrences} are the alert's before the change at hand, or after one that did not move them.
   */
  private RetriggerTally tally(long id, long occurrences) {
    RetriggerTally mine = tallies.get(id);
    if (mine != null) {
      return mine;
    }
    if (created.contains(id)) {
      return RetriggerTally.upTo(occurrences);
    }
    RetriggerTally stored = committed.tally(id);
    return stored != null ? stored : RetriggerTally.upTo(occurrences);
  }

  /** Takes in an alert's new state, with or without a history entry. */
  private void keep(Alert after) {
    keep(
        after,
        active(after.fingerprint()).map(current -> current.id() == after.id()).orElse(false));
  }

  /**
   * As {@link #keep(Alert)}, told whether the alert holds its fingerprint before (a re-trigger's
   * does: it was found by it), which saves looking it up again.
   */
  private void keep(Alert after, boolean heldFingerprint) {
    if (!created.contains(after.id()) && !storedVersions.containsKey(after.id())) {
      storedVersions.put(after.id(), after.version() - 1);
    }
    touched.put(after.id(), after);
    if (after.isActive()) {
      activeIds.put(after.fingerprint(), after.id());
    } else if (heldFingerprint) {
      activeIds.put(after.fingerprint(), null);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static Outcome outcomeOf(Transition transition) {
    return switch (transition) {
      case ACKNOWLEDGE -> Outcome.ACKNOWLEDGED;
      case UNACKNOWLEDGE -> Outcome.UNACKNOWLEDGED;
      case RESOLVE -> Outcome.RESOLVED;
      case DISMISS -> Outcome.DISMISSED;
      case EXPIRE -> Outcome.EXPIRED;
    };
  }
}
