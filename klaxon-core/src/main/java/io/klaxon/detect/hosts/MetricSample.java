package io.klaxon.detect.hosts;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One measurement of one server: a percentage of capacity in use.
 *
 * @param observedAt when the server measured it, kept to the microsecond
 */
public record MetricSample(String server, Metric metric, double value, Instant observedAt) {

  /**
   * @throws InvalidInput naming {@code server} or {@code value} when they are not acceptable
   */
  public MetricSample {
    observedAt = observedAt.truncatedTo(ChronoUnit.MICROS);
    List<FieldError> errors = new ArrayList<>();
    Server.checkId("server", server).ifPresent(errors::add);
    if (!(value >= 0 && value <= 100)) { // also refuses NaN
      errors.add(new FieldError("value", "must be a percentage from 0 to 100, not " + value));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
