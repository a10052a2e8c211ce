package io.klaxon.server.alert;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Suppressor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An alert as the API shows it: lowercase words for status and severity, ISO-8601 UTC times. */
public record AlertView(
    long id,
    String fingerprint,
    String source,
    String type,
    String severity,
    String status,
    String title,
    @Nullable String message,
    @Nullable SubjectView subject,
    @Nullable Double value,
    @Nullable Double previousValue,
    @Nullable Double threshold,
    @Nullable Double changePercent,
    Map<String, Object> attributes,
    long occurrences,
    Instant detectedAt,
    Instant lastSeenAt,
    @Nullable Instant acknowledgedAt,
    @Nullable String acknowledgedBy,
    @Nullable Instant resolvedAt,
    @Nullable String resolvedBy,
    @Nullable Instant expiresAt,
    boolean autoResolved,
    @Nullable String previousSeverity,
    long version,
    boolean suppressed,
    List<SuppressorView> suppressedBy) {

  /** One thing suppressing the alert: {@code silence}, {@code maintenance}, … and until when. */
  public record SuppressorView(String kind, String id, @Nullable Instant until) {
    static SuppressorView of(Suppressor suppressor) {
      return new SuppressorView(suppressor.kind().word(), suppressor.id(), suppressor.until());
    }
  }

  /** What an alert is about, as the API shows it. */
  public record SubjectView(String type, String key, String name) {
    static @Nullable SubjectView of(@Nullable Subject subject) {
      return subject == null
          ? null
          : new SubjectView(subject.type(), subject.key(), subject.name());
    }
  }

  /** The view of an alert as committed. */
  public static AlertView of(Alert alert) {
    Severity previous = alert.previousSeverity();
    return new AlertView(
        alert.id(),
        alert.fingerprint(),
        alert.source(),
        alert.type(),
        alert.severity().word(),
        alert.status().word(),
        alert.title(),
        alert.message(),
        SubjectView.of(alert.subject()),
        alert.value(),
        alert.previousValue(),
        alert.threshold(),
        alert.changePercent(),
        alert.attributes(),
        alert.occurrences(),
        alert.detectedAt(),
        alert.lastSeenAt(),
        alert.acknowledgedAt(),
        alert.acknowledgedBy(),
        alert.resolvedAt(),
        alert.resolvedBy(),
        alert.expiresAt(),
        alert.autoResolved(),
        previous == null ? null : previous.word(),
        alert.version(),
        alert.suppressed(),
        alert.suppressedBy().stream().map(SuppressorView::of).toList());
  }
}
