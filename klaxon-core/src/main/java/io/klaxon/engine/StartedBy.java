package io.klaxon.engine;

import io.klaxon.alert.Alert;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A condition on when an alert started, judged by the engine as it applies the command that carries
 * it (after every earlier command about the alert), not by a sender that read the alert first: the
 * alert started at or before {@code at}. Its start is the instant (ISO-8601 text) held in the
 * attribute {@code attribute}, or its {@code detectedAt} when that names or holds none.
 */
public record StartedBy(Instant at, @Nullable String attribute) {

  /** Whether {@code alert} started at or before {@link #at}. */
  public boolean holdsFor(Alert alert) {
    return !startOf(alert).isAfter(at);
  }

  private Instant startOf(Alert alert) {
    if (attribute != null && alert.attributes().get(attribute) instanceof String text) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException notAnInstant) {
        // someone else's attribute of that name: the engine's own start is the next best
      }
    }
    return alert.detectedAt();
  }
}
