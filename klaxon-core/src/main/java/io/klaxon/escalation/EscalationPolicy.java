package io.klaxon.escalation;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Whom to notify, step by step, while an alert stays open and unacknowledged.
 *
 * @param repeat how many more times the steps run again from the first after the last one
 */
public record EscalationPolicy(String name, List<Step> steps, int repeat) {

  /**
   * One step: it fires {@code after} the previous step fired (the first: after the alert opened).
   */
  public record Step(Duration after, List<Target> targets) {
    public Step {
      targets = List.copyOf(targets);
      if (after.isNegative()) {
        throw new InvalidInput("afterSeconds", "must not be negative");
      }
      if (targets.isEmpty()) {
        throw new InvalidInput("notify", "needs at least one receiver, person or schedule");
      }
    }
  }

  public EscalationPolicy {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new InvalidInput("steps", "needs at least one step");
    }
    if (repeat < 0) {
      throw new InvalidInput("repeat", "must not be negative");
    }
  }

  /** The step at a position of the running escalation, empty once every round has run. */
  public Optional<Step> step(int round, int index) {
    if (round > repeat || index < 0 || index >= steps.size()) {
      return Optional.empty();
    }
    return Optional.of(steps.get(index));
  }

  /** Where the escalation goes after firing {@code (round, index)}, empty when it is done. */
  public Optional<Position> after(int round, int index) {
    if (index + 1 < steps.size()) {
      return Optional.of(new Position(round, index + 1));
    }
    return round < repeat ? Optional.of(new Position(round + 1, 0)) : Optional.empty();
  }

  /** A place in a running escalation: the round (0 first) and the step's index in it. */
  public record Position(int round, int step) {}
}
