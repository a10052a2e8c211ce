package io.klaxon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.klaxon.access.Actor;
import io.klaxon.problem.TransitionRefused;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link Lifecycle}, checked on every sequence of transitions (each manual or
 * automatic) up to {@link #DEPTH} steps from a new alert: exhaustive, so nothing is left to luck.
 *
 * <p>The invariants, stated exactly as {@code Lifecycle} behaves:
 *
 * <ul>
 *   <li>a final status (resolved, dismissed, expired) never changes: every transition out of it is
 *       refused, naming the status;
 *   <li>{@code acknowledgedAt} is set iff the status is ACKNOWLEDGED, or the status is final and
 *       the alert was ACKNOWLEDGED at the moment it ended; unacknowledging clears it, so "was
 *       acknowledged once, then unacknowledged, then resolved" leaves it null. When set it is the
 *       time of the latest acknowledgement;
 *   <li>{@code resolvedAt} is set iff the status is final (for dismissed and expired too), and is
 *       the time the alert ended;
 *   <li>{@code autoResolved} iff the alert ended RESOLVED by an automatic transition;
 *   <li>a transition to the status the alert already has changes nothing; any other one moves the
 *       version on by exactly one and touches no other field.
 * </ul>
 */
class LifecycleProperties {

  private static final int DEPTH = 6;
  private static final Instant START = Instant.parse("2025-03-01T09:00:00Z");

  /** The table, written out again here so that the test does not trust the code's own table. */
  private static final Map<Transition, AlertStatus> FROM_ACTIVE = new EnumMap<>(Transition.class);

  static {
    FROM_ACTIVE.put(Transition.ACKNOWLEDGE, AlertStatus.ACKNOWLEDGED);
    FROM_ACTIVE.put(Transition.UNACKNOWLEDGE, AlertStatus.OPEN);
    FROM_ACTIVE.put(Transition.RESOLVE, AlertStatus.RESOLVED);
    FROM_ACTIVE.put(Transition.DISMISS, AlertStatus.DISMISSED);
    FROM_ACTIVE.put(Transition.EXPIRE, AlertStatus.EXPIRED);
  }

  private record Step(Transition transition, boolean automatic) {
    @Override
    public String toString() {
      return (automatic ? "auto-" : "") + transition.word();
    }
  }

  /** What the path so far says the alert must look like. */
  private record Expected(
      @Nullable Instant acknowledgedAt,
      @Nullable String acknowledgedBy,
      @Nullable AlertStatus endedFrom,
      int checked) {}

  private static final List<Step> STEPS =
      Arrays.stream(Transition.values())
          .flatMap(t -> Stream.of(new Step(t, false), new Step(t, true)))
          .toList();

  private int sequences;

  @Test
  void everySequenceOfTransitions_keepsTheLifecycleInvariants() {
    explore(newAlert(), new ArrayList<>(), new Expected(null, null, null, 0));

    // 4 of the 10 steps keep an alert active (acknowledge, unacknowledge; manual or automatic),
    // 6 end it. Each of the sum(4^d, d < DEPTH) active alerts met tries all 10 steps, and each
    // alert that ended tries all 10 again, to be refused: 70 steps per active alert.
    assertThat(sequences).isEqualTo(70 * ((1 << (2 * DEPTH)) - 1) / 3);
  }

  @Test
  void table_allowsEveryTransitionFromActiveStatuses_andNoneFromFinalOnes() {
    for (AlertStatus status : AlertStatus.values()) {
      for (Transition transition : Transition.values()) {
        Optional<AlertStatus> target = Lifecycle.target(status, transition);
        if (status.isActive()) {
          assertThat(target)
              .as("%s then %s", status, transition)
              .contains(FROM_ACTIVE.get(transition));
        } else {
          assertThat(target).as("%s then %s", status, transition).isEmpty();
        }
      }
    }
  }

  private void explore(Alert alert, List<Step> path, Expected expected) {
    if (alert.status().isFinal()) {
      for (Step step : STEPS) {
        sequences++;
        try {
          checkRefused(alert, step, START.plus(Duration.ofDays(1)));
        } catch (AssertionError e) {
          fail("after " + path + " then " + step + ": " + e.getMessage(), e);
        }
      }
      return;
    }
    if (path.size() == DEPTH) {
      return;
    }
    for (Step step : STEPS) {
      path.add(step);
      sequences++;
      Instant at = START.plus(Duration.ofMinutes(path.size()));
      String actor = "actor-" + path.size();
      Alert after = alert;
      Expected next = expected;
      try {
        after = check(alert, step, at, actor);
        if (after != alert) {
          next =
              new Expected(
                  after.status() == AlertStatus.ACKNOWLEDGED
                      ? at
                      : after.status() == AlertStatus.OPEN ? null : expected.acknowledgedAt(),
                  after.status() == AlertStatus.ACKNOWLEDGED
                      ? actor
                      : after.status() == AlertStatus.OPEN ? null : expected.acknowledgedBy(),
                  after.status().isFinal() ? alert.status() : null,
                  expected.checked() + 1);
        }
        checkInvariants(after, next);
      } catch (AssertionError e) {
        fail("after " + path + ": " + e.getMessage(), e);
      }
      explore(after, path, next);
      path.removeLast();
    }
  }

  private static void checkRefused(Alert before, Step step, Instant at) {
    try {
      Optional<Alert> moved =
          Lifecycle.apply(before, step.transition(), at, Actor.of("late"), step.automatic());
      throw new AssertionError("a " + before.status() + " alert was not refused but gave " + moved);
    } catch (TransitionRefused refused) {
      require(refused.alertId() == before.id(), "refusal names alert " + refused.alertId());
      require(
          refused.currentStatus().equals(before.status().word()),
          "refusal names status " + refused.currentStatus());
      require(
          refused.transition().equals(step.transition().pastParticiple()),
          "refusal names transition " + refused.transition());
    }
  }

  /** One step from an active alert: unchanged, or exactly the expected move. */
  private static Alert check(Alert before, Step step, Instant at, String actor) {
    AlertStatus target = FROM_ACTIVE.get(step.transition());
    Optional<Alert> moved =
        Lifecycle.apply(before, step.transition(), at, Actor.of(actor), step.automatic());
    if (target == before.status()) {
      assertThat(moved).as("a transition to the status it has").isEmpty();
      return before;
    }
    Alert after = moved.orElseThrow(() -> new AssertionError("expected a move to " + target));
    require(after.status() == target, "status " + after.status() + ", expected " + target);
    require(after.version() == before.version() + 1, "version " + after.version());
    require(
        after.autoResolved() == (target == AlertStatus.RESOLVED && step.automatic()),
        "autoResolved " + after.autoResolved());
    require(
        Objects.equals(after.resolvedAt(), target.isFinal() ? at : null),
        "resolvedAt " + after.resolvedAt());
    require(
        Objects.equals(after.resolvedBy(), target.isFinal() ? actor : null),
        "resolvedBy " + after.resolvedBy());
    require(
        after.equals(withLifecycleOf(before, after)),
        "fields other than the lifecycle's changed: " + before + " -> " + after);
    return after;
  }

  /** {@code fields}'s alert with only the lifecycle fields of {@code lifecycle}. */
  private static Alert withLifecycleOf(Alert fields, Alert lifecycle) {
    Alert a = fields;
    return new Alert(
        a.id(),
        a.fingerprint(),
        a.source(),
        a.type(),
        a.severity(),
        lifecycle.status(),
        a.title(),
        a.message(),
        a.subject(),
        a.value(),
        a.previousValue(),
        a.threshold(),
        a.changePercent(),
        a.attributes(),
        a.occurrences(),
        a.detectedAt(),
        a.lastSeenAt(),
        lifecycle.acknowledgedAt(),
        lifecycle.acknowledgedBy(),
        lifecycle.resolvedAt(),
        lifecycle.resolvedBy(),
        a.expiresAt(),
        lifecycle.autoResolved(),
        a.previousSeverity(),
        lifecycle.version(),
        List.of());
  }

  private static void require(boolean condition, String failure) {
    if (!condition) {
      throw new AssertionError(failure);
    }
  }

  private static void checkInvariants(Alert alert, Expected expected) {
    AlertStatus status = alert.status();
    boolean acknowledgedWhenEnded = expected.endedFrom() == AlertStatus.ACKNOWLEDGED;
    require(
        (alert.acknowledgedAt() != null)
            == (status == AlertStatus.ACKNOWLEDGED || (status.isFinal() && acknowledgedWhenEnded)),
        "acknowledgedAt must be set iff acknowledged, or ended while acknowledged: " + alert);
    require(
        Objects.equals(alert.acknowledgedAt(), expected.acknowledgedAt()),
        "acknowledgedAt must be the latest acknowledgement, " + expected.acknowledgedAt());
    require(
        Objects.equals(alert.acknowledgedBy(), expected.acknowledgedBy()),
        "acknowledgedBy must be who acknowledged last, " + expected.acknowledgedBy());
    require((alert.resolvedAt() != null) == status.isFinal(), "resolvedAt set iff final: " + alert);
    require(alert.version() == 1 + expected.checked(), "version must count the changes: " + alert);
  }

  private static Alert newAlert() {
    return new Alert(
        7,
        "fp",
        "hosts",
        "disk",
        Severity.HIGH,
        AlertStatus.OPEN,
        "Disk almost full",
        null,
        Subject.of("server", "nas-01", null),
        91.0,
        null,
        90.0,
        null,
        Map.of("mount", "/"),
        1,
        START,
        START,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        1,
        List.of());
  }
}
