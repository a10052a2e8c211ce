package io.klaxon.store;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Alerts for store-level tests: every field has a plain default, and any can be set. */
public final class AlertBuilder {

  public static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  private final long id;
  private String fingerprint;
  private String source = "test";
  private String type = "disk";
  private Severity severity = Severity.MEDIUM;
  private AlertStatus status = AlertStatus.OPEN;
  private String title;
  private @Nullable String message;
  private @Nullable Subject subject;
  private @Nullable Double value;
  private Map<String, Object> attributes = Map.of();
  private Instant detectedAt;
  private Instant lastSeenAt;
  private @Nullable Instant resolvedAt;
  private long version = 1;

  private AlertBuilder(long id) {
    this.id = id;
    this.fingerprint = "fp-" + id;
    this.title = "Alert " + id;
    this.detectedAt = T0.plus(Duration.ofMinutes(id));
    this.lastSeenAt = detectedAt;
  }

  /** An open alert detected {@code id} minutes after {@link #T0}. */
  public static AlertBuilder alert(long id) {
    return new AlertBuilder(id);
  }

  public AlertBuilder fingerprint(String newFingerprint) {
    fingerprint = newFingerprint;
    return this;
  }

  public AlertBuilder source(String newSource) {
    source = newSource;
    return this;
  }

  public AlertBuilder type(String newType) {
    type = newType;
    return this;
  }

  public AlertBuilder severity(Severity newSeverity) {
    severity = newSeverity;
    return this;
  }

  /** Also sets {@code resolvedAt} for the final statuses, as the lifecycle would. */
  public AlertBuilder status(AlertStatus newStatus) {
    status = newStatus;
    resolvedAt = newStatus.isFinal() ? lastSeenAt.plusSeconds(1) : null;
    return this;
  }

  public AlertBuilder title(String newTitle) {
    title = newTitle;
    return this;
  }

  public AlertBuilder message(@Nullable String newMessage) {
    message = newMessage;
    return this;
  }

  public AlertBuilder subject(@Nullable Subject newSubject) {
    subject = newSubject;
    return this;
  }

  public AlertBuilder value(@Nullable Double newValue) {
    value = newValue;
    return this;
  }

  public AlertBuilder attributes(Map<String, Object> newAttributes) {
    attributes = newAttributes;
    return this;
  }

  public AlertBuilder detectedAt(Instant at) {
    detectedAt = at;
    lastSeenAt = at;
    return this;
  }

  public AlertBuilder lastSeenAt(Instant at) {
    lastSeenAt = at;
    return this;
  }

  public AlertBuilder version(long newVersion) {
    version = newVersion;
    return this;
  }

  public Alert build() {
    return new Alert(
        id,
        fingerprint,
        source,
        type,
        severity,
        status,
        title,
        message,
        subject,
        value,
        null,
        null,
        null,
        attributes,
        1,
        detectedAt,
        lastSeenAt,
        null,
        null,
        resolvedAt,
        resolvedAt == null ? null : "api",
        null,
        false,
        null,
        version,
        List.of());
  }
}
