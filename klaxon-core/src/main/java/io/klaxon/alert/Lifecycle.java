package io.klaxon.alert;

import io.klaxon.access.Actor;
import io.klaxon.problem.TransitionRefused;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The alert lifecycle as one explicit transition table. Asking an active alert for the status it
 * already has (acknowledging an acknowledged alert) changes nothing; every transition out of a
 * final status is refused.
 */
public final class Lifecycle {

  private static final Map<AlertStatus, Map<Transition, AlertStatus>> TABLE =
      new EnumMap<>(AlertStatus.class);

  static {
    TABLE.put(
        AlertStatus.OPEN,
        table(
            Transition.ACKNOWLEDGE, AlertStatus.ACKNOWLEDGED,
            Transition.UNACKNOWLEDGE, AlertStatus.OPEN,
            Transition.RESOLVE, AlertStatus.RESOLVED,
            Transition.DISMISS, AlertStatus.DISMISSED,
            Transition.EXPIRE, AlertStatus.EXPIRED));
    TABLE.put(
        AlertStatus.ACKNOWLEDGED,
        table(
            Transition.ACKNOWLEDGE, AlertStatus.ACKNOWLEDGED,
            Transition.UNACKNOWLEDGE, AlertStatus.OPEN,
            Transition.RESOLVE, AlertStatus.RESOLVED,
            Transition.DISMISS, AlertStatus.DISMISSED,
            Transition.EXPIRE, AlertStatus.EXPIRED));
    TABLE.put(AlertStatus.RESOLVED, new EnumMap<>(Transition.class));
    TABLE.put(AlertStatus.DISMISSED, new EnumMap<>(Transition.class));
    TABLE.put(AlertStatus.EXPIRED, new EnumMap<>(Transition.class));
  }

  private Lifecycle() {}

  /** The status a transition leads to from {@code from}, or empty where the table refuses it. */
  public static Optional<AlertStatus> target(AlertStatus from, Transition transition) {
    return Optional.ofNullable(Objects.requireNonNull(TABLE.get(from)).get(transition));
  }

  /**
   * Applies a transition to an alert, on behalf of {@code actor}.
   *
   * @return the alert one version on, or empty when it already has the target status
   * @throws TransitionRefused when the alert's status does not allow the transition
   */
  public static Optional<Alert> apply(
      Alert alert, Transition transition, Instant at, Actor actor, boolean automatic) {
    AlertStatus to =
        target(alert.status(), transition)
            .orElseThrow(
                () ->
                    new TransitionRefused(
                        alert.id(), alert.status().word(), transition.pastParticiple()));
    if (to == alert.status()) {
      return Optional.empty();
    }
    Instant acknowledgedAt =
        switch (to) {
          case ACKNOWLEDGED -> at;
          case OPEN -> null;
          default -> alert.acknowledgedAt();
        };
    String acknowledgedBy =
        switch (to) {
          case ACKNOWLEDGED -> actor.name();
          case OPEN -> null;
          default -> alert.acknowledgedBy();
        };
    Instant resolvedAt = to.isFinal() ? at : null;
    String resolvedBy = to.isFinal() ? actor.name() : null;
    boolean autoResolved = to == AlertStatus.RESOLVED && automatic;
    return Optional.of(
        alert.withStatus(to, acknowledgedAt, acknowledgedBy, resolvedAt, resolvedBy, autoResolved));
  }

  private static Map<Transition, AlertStatus> table(Object... pairs) {
    Map<Transition, AlertStatus> row = new EnumMap<>(Transition.class);
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((Transition) pairs[i], (AlertStatus) pairs[i + 1]);
    }
    return row;
  }
}
