package io.klaxon.server.alert;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Subject;
import io.klaxon.server.console.When;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One alert as a row of a console list. */
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
    boolean active) {

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
        alert.isActive());
  }
}
