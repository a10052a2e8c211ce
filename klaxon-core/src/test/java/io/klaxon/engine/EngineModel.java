package io.klaxon.engine;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Transition;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the engine should do, written as plainly as possible: the oracle that property tests hold
 * the real engine to. It tracks only what commands decide (ids, statuses, versions, occurrences,
 * which alert holds each fingerprint), with its own copy of the lifecycle table.
 */
final class EngineModel {

  /** One alert as the model knows it; {@code subjectKey} is that of a {@code server} subject. */
  record Tracked(
      long id,
      String fingerprint,
      AlertStatus status,
      long version,
      long occurrences,
      @Nullable String subjectKey) {

    Tracked moved(AlertStatus newStatus) {
      return new Tracked(id, fingerprint, newStatus, version + 1, occurrences, subjectKey);
    }
  }

  /** What one command should give. */
  record Expected(
      Outcome outcome,
      @Nullable Tracked alert,
      @Nullable Class<? extends KlaxonException> refusal,
      @Nullable AlertStatus refusingStatus) {

    boolean changes() {
      return outcome != Outcome.UNCHANGED && outcome != Outcome.REFUSED;
    }
  }

  private static final Map<Transition, AlertStatus> FROM_ACTIVE = new EnumMap<>(Transition.class);
  private static final Map<Transition, Outcome> OUTCOMES = new EnumMap<>(Transition.class);

  static {
    FROM_ACTIVE.put(Transition.ACKNOWLEDGE, AlertStatus.ACKNOWLEDGED);
    FROM_ACTIVE.put(Transition.UNACKNOWLEDGE, AlertStatus.OPEN);
    FROM_ACTIVE.put(Transition.RESOLVE, AlertStatus.RESOLVED);
    FROM_ACTIVE.put(Transition.DISMISS, AlertStatus.DISMISSED);
    FROM_ACTIVE.put(Transition.EXPIRE, AlertStatus.EXPIRED);
    OUTCOMES.put(Transition.ACKNOWLEDGE, Outcome.ACKNOWLEDGED);
    OUTCOMES.put(Transition.UNACKNOWLEDGE, Outcome.UNACKNOWLEDGED);
    OUTCOMES.put(Transition.RESOLVE, Outcome.RESOLVED);
    OUTCOMES.put(Transition.DISMISS, Outcome.DISMISSED);
    OUTCOMES.put(Transition.EXPIRE, Outcome.EXPIRED);
  }

  private final Map<Long, Tracked> alerts = new LinkedHashMap<>();
  private final Map<String, Long> activeByFingerprint = new HashMap<>();

  /** Alerts moved onto a subject by this copy's commands: one batch, as the engine sees it. */
  private final Map<Long, String> movedInBatch = new HashMap<>();

  private final Set<Long> createdInBatch = new HashSet<>();
  private long lastId;

  /** A copy for the next batch. */
  EngineModel copy() {
    EngineModel copy = new EngineModel();
    copy.alerts.putAll(alerts);
    copy.activeByFingerprint.putAll(activeByFingerprint);
    copy.lastId = lastId;
    return copy;
  }

  Map<Long, Tracked> alerts() {
    return alerts;
  }

  long lastId() {
    return lastId;
  }

  Expected apply(AlertCommand command) {
    return switch (command) {
      case AlertCommand.Trigger trigger ->
          trigger(
              trigger.fingerprint(), trigger.subject() == null ? null : trigger.subject().key());
      case AlertCommand.Change change -> change(change.target(), change.transition());
      case AlertCommand.Note note -> note(note.target());
      case AlertCommand.Purge purge -> purge(purge.subjectKey());
      case AlertCommand.Delete delete -> delete(delete.alertId());
      case AlertCommand.Suppress suppress ->
          throw new IllegalStateException("random runs do not suppress (AlertEngineSuppressTest)");
    };
  }

  /** A final alert goes with its history; an active one is refused, an unknown one not found. */
  private Expected delete(long id) {
    Tracked alert = alerts.get(id);
    if (alert == null) {
      return new Expected(Outcome.REFUSED, null, NotFound.class, null);
    }
    if (alert.status().isActive()) {
      return new Expected(Outcome.REFUSED, null, TransitionRefused.class, alert.status());
    }
    alerts.remove(id);
    return new Expected(Outcome.DELETED, null, null, null);
  }

  /**
   * Every alert about the subject goes, final ones too; their ids are never handed out again. An
   * alert that the same batch moved onto the subject makes the engine refuse the purge.
   */
  private Expected purge(String subjectKey) {
    if (movedInBatch.containsValue(subjectKey)) {
      return new Expected(Outcome.REFUSED, null, Unavailable.class, null);
    }
    alerts.values().removeIf(alert -> subjectKey.equals(alert.subjectKey()));
    activeByFingerprint.values().removeIf(id -> !alerts.containsKey(id));
    return new Expected(Outcome.PURGED, null, null, null);
  }

  private Expected trigger(String fingerprint, @Nullable String subjectKey) {
    Long active = activeByFingerprint.get(fingerprint);
    if (active != null) {
      Tracked before = alerts.get(active);
      if (before.subjectKey() == null && subjectKey != null && !createdInBatch.contains(active)) {
        movedInBatch.put(before.id(), subjectKey);
      }
      Tracked after =
          new Tracked(
              before.id(),
              fingerprint,
              before.status(),
              before.version() + 1,
              before.occurrences() + 1,
              subjectKey != null ? subjectKey : before.subjectKey());
      alerts.put(after.id(), after);
      return new Expected(Outcome.UPDATED, after, null, null);
    }
    Tracked created = new Tracked(++lastId, fingerprint, AlertStatus.OPEN, 1, 1, subjectKey);
    alerts.put(created.id(), created);
    createdInBatch.add(created.id());
    activeByFingerprint.put(fingerprint, created.id());
    return new Expected(Outcome.CREATED, created, null, null);
  }

  private Expected change(AlertRef ref, Transition transition) {
    Expected missing = missing(ref);
    if (missing != null) {
      return missing;
    }
    Tracked before = alerts.get(idOf(ref));
    if (before.status().isFinal()) {
      return new Expected(Outcome.REFUSED, null, TransitionRefused.class, before.status());
    }
    AlertStatus target = FROM_ACTIVE.get(transition);
    if (target == before.status()) {
      return new Expected(Outcome.UNCHANGED, before, null, null);
    }
    Tracked after = before.moved(target);
    alerts.put(after.id(), after);
    if (target.isFinal()) {
      activeByFingerprint.remove(after.fingerprint());
    }
    return new Expected(OUTCOMES.get(transition), after, null, null);
  }

  private Expected note(AlertRef ref) {
    Expected missing = missing(ref);
    if (missing != null) {
      return missing;
    }
    Tracked before = alerts.get(idOf(ref));
    Tracked after = before.moved(before.status());
    alerts.put(after.id(), after);
    return new Expected(Outcome.NOTED, after, null, null);
  }

  /** By id, an unknown alert is refused; by fingerprint, no active alert is "nothing to do". */
  private @Nullable Expected missing(AlertRef ref) {
    return switch (ref) {
      case AlertRef.ById(long id) ->
          alerts.containsKey(id) ? null : new Expected(Outcome.REFUSED, null, NotFound.class, null);
      case AlertRef.ByFingerprint(String fingerprint) ->
          activeByFingerprint.containsKey(fingerprint)
              ? null
              : new Expected(Outcome.UNCHANGED, null, null, null);
    };
  }

  private long idOf(AlertRef ref) {
    return switch (ref) {
      case AlertRef.ById(long id) -> id;
      case AlertRef.ByFingerprint(String fingerprint) -> activeByFingerprint.get(fingerprint);
    };
  }
}
