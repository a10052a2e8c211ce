package io.klaxon.detect.hosts;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric of one server from {@code from} to {@code to} (both included), in steps of {@code
 * step}: what a chart asks the {@link MetricHistory} for.
 *
 * @param step at least a second, and at most {@value #MAX_POINTS} steps between from and to
 */
public record MetricQuery(String server, Metric metric, Instant from, Instant to, Duration step) {

  /** The most points one query answers: more than a chart can show. */
  public static final int MAX_POINTS = 10_000;

  /** Points a query asks for when it leaves the step to the server. */
  static final int DEFAULT_POINTS = 360;

  /**
   * @throws InvalidInput naming {@code from} when it is after {@code to}, {@code step} when it is
   *     under a second or makes more than {@value #MAX_POINTS} points
   */
  public MetricQuery {
    from = from.truncatedTo(ChronoUnit.MICROS);
    to = to.truncatedTo(ChronoUnit.MICROS);
    List<FieldError> errors = new ArrayList<>();
    if (from.isAfter(to)) {
      errors.add(new FieldError("from", "must not be after to (" + to + "), not " + from));
    }
    if (step.compareTo(Duration.ofSeconds(1)) < 0) {
      errors.add(new FieldError("step", "must be at least one second (PT1S), not " + step));
    } else if (!from.isAfter(to) && Duration.between(from, to).dividedBy(step) >= MAX_POINTS) {
      errors.add(
          new FieldError(
              "step",
              "makes more than "
                  + MAX_POINTS
                  + " points from "
                  + from
                  + " to "
                  + to
                  + ": "
                  + step));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  /**
   * The step a chart of the span wants when none is given: about {@value #DEFAULT_POINTS} points,
   * in whole seconds, at least one.
   */
  public static Duration defaultStep(Instant from, Instant to) {
    long seconds = from.isAfter(to) ? 1 : Duration.between(from, to).toSeconds() / DEFAULT_POINTS;
    return Duration.ofSeconds(Math.max(1, seconds));
  }
}
