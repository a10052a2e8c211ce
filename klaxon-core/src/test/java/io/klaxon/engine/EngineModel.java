package io.klaxon.engine;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Transition;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the engine should do, written as plainly as possible: the oracle that property tests hold
 * the real engine to. It tracks only what commands decide (ids, statuses, versions, occurrences,
 * which alert holds each fingerprint), with its own copy of the lifecycle table.
 */
final class EngineModel {

  /** One alert as the model knows it. */
  record Tracked(long id, String fingerprint, AlertStatus status, long version, long occurrences) {

    Tracked moved(AlertStatus newStatus) {
      return new Tracked(id, fingerprint, newStatus, version + 1, occurrences);
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
  private long lastId;

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
      case AlertCommand.Trigger trigger -> trigger(trigger.fingerprint());
      case AlertCommand.Change change -> change(change.target(), change.transition());
      case AlertCommand.Note note -> note(note.target());
    };
  }

  private Expected trigger(String fingerprint) {
    Long active = activeByFingerprint.get(fingerprint);
    if (active != null) {
      Tracked before = alerts.get(active);
      Tracked after =
          new Tracked(
              before.id(),
              fingerprint,
              before.status(),
              before.version() + 1,
              before.occurrences() + 1);
      alerts.put(after.id(), after);
      return new Expected(Outcome.UPDATED, after, null, null);
    }
    Tracked created = new Tracked(++lastId, fingerprint, AlertStatus.OPEN, 1, 1);
    alerts.put(created.id(), created);
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
