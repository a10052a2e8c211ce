package io.klaxon.detect.hosts;

import io.klaxon.engine.AlertCommand;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sign of life from a server, optionally with the state of its services.
 *
 * @param observedAt when the server sent it, kept to the microsecond
 * @param services service name to its state; services left out keep their last known state
 */
public record Heartbeat(String server, Instant observedAt, Map<String, ServiceStatus> services) {

  public static final int MAX_SERVICES = 200;

  /**
   * @throws InvalidInput naming {@code server} or {@code services} when they are not acceptable
   */
  public Heartbeat {
    observedAt = observedAt.truncatedTo(ChronoUnit.MICROS);
    services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    List<FieldError> errors = new ArrayList<>();
    Server.checkId("server", server).ifPresent(errors::add);
    if (services.size() > MAX_SERVICES) {
      errors.add(new FieldError("services", "at most " + MAX_SERVICES + " services"));
    }
    for (String name : services.keySet()) {
      if (name.isBlank() || name.length() > AlertCommand.Limits.KEY) {
        errors.add(
            new FieldError(
                "services", "service names are 1 to " + AlertCommand.Limits.KEY + " characters"));
        break;
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }
}
