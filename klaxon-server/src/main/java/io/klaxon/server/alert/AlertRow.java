package io.klaxon.server.alert;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Suppressor;
import io.klaxon.server.console.When;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One alert as a row of a console list.
 *
 * @param muted why an active alert is kept quiet (silence, window, inhibition, snooze); null when
 *     nothing suppresses it
 */
public record AlertRow(
    long id,
    String title,
    String severity,
    String status,
    String type,
    String source,
    @Nullable String subject,
    long occurrences,
    When detected,
    When lastSeen,
    boolean active,
    @Nullable String muted) {

  public static AlertRow of(Alert alert, Instant now) {
    Subject subject = alert.subject();
    return new AlertRow(
        alert.id(),
        alert.title(),
        alert.severity().word(),
        alert.status().word(),
        alert.type(),
        alert.source(),
        subject == null ? null : subject.name(),
        alert.occurrences(),
        java.util.Objects.requireNonNull(When.of(alert.detectedAt(), now)),
        java.util.Objects.requireNonNull(When.of(alert.lastSeenAt(), now)),
        alert.isActive(),
        alert.isActive() && alert.suppressed() ? muted(alert.suppressedBy(), now) : null);
  }

  /** What keeps the alert quiet, in words: {@code silence until 2026-03-01 12:00:00 UTC}. */
  static String muted(List<Suppressor> suppressors, Instant now) {
    return suppressors.stream()
        .map(
            by -> {
              String what =
                  switch (by.kind()) {
                    case SILENCE -> "silence";
                    case WINDOW -> "maintenance window " + by.id();
                    case INHIBITION -> "inhibited by rule " + by.id();
                    case SNOOZE -> "snoozed";
                  };
              When until = When.of(by.until(), now);
              return until == null ? what : what + " until " + until.exact();
            })
        .collect(Collectors.joining("; "));
  }
}
