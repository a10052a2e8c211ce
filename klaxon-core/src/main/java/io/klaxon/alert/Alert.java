package io.klaxon.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One alert as it stands at {@link #version()}: an immutable snapshot. Changes are made by the
 * alert engine, which produces a new snapshot and a {@link HistoryEntry} for each. {@code id},
 * {@code fingerprint}, {@code source}, {@code type} and {@code detectedAt} never change after
 * creation; stores may rely on that.
 *
 * @param id 64-bit identity, assigned when the alert is created
 * @param fingerprint de-duplication key: at most one active alert has it at any time
 * @param subject what the alert is about, if anything
 * @param attributes producer-specific facts (bookmaker, market, symbol, …) as JSON-like values
 * @param acknowledgedBy who acknowledged it, while {@code acknowledgedAt} is set
 * @param resolvedBy who ended it (resolved, dismissed or let it expire), while it is final
 * @param occurrences how many triggers this alert has absorbed, the first included
 * @param version optimistic lock: 1 when created, one more with every change
 * @param suppressedBy what suppresses the alert (silences, windows, inhibition, snooze); empty when
 *     nothing does; a final alert keeps what suppressed it when it ended, so its resolution is held
 *     as its other notifications were
 */
public record Alert(
    long id,
    String fingerprint,
    String source,
    String type,
    Severity severity,
    AlertStatus status,
    String title,
    @Nullable String message,
    @Nullable Subject subject,
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
    @Nullable Severity previousSeverity,
    long version,
    List<Suppressor> suppressedBy) {

  public Alert {
    // An AttributeMap is immutable already: the engine's memory keeps its attributes that way.
    attributes = attributes instanceof AttributeMap compact ? compact : Map.copyOf(attributes);
    suppressedBy = List.copyOf(suppressedBy);
  }

  /** Whether anything suppresses the alert now. */
  public boolean suppressed() {
    return !suppressedBy.isEmpty();
  }

  public boolean isActive() {
    return status.isActive();
  }

  /** A copy at another point of its lifecycle; the caller keeps the timestamps consistent. */
  public Alert withStatus(
      AlertStatus newStatus,
      @Nullable Instant newAcknowledgedAt,
      @Nullable String newAcknowledgedBy,
      @Nullable Instant newResolvedAt,
      @Nullable String newResolvedBy,
      boolean newAutoResolved) {
    return new Alert(
        id,
        fingerprint,
        source,
        type,
        severity,
        newStatus,
        title,
        message,
        subject,
        value,
        previousValue,
        threshold,
        changePercent,
        attributes,
        occurrences,
        detectedAt,
        lastSeenAt,
        newAcknowledgedAt,
        newAcknowledgedBy,
        newResolvedAt,
        newResolvedBy,
        expiresAt,
        newAutoResolved,
        previousSeverity,
        version + 1,
        suppressedBy);
  }

  /** A copy one version on with nothing else changed (a note was added). */
  public Alert touched() {
    return withSuppressedBy(suppressedBy);
  }

  /** A copy one version on, suppressed by {@code newSuppressedBy} (empty: by nothing). */
  public Alert withSuppressedBy(List<Suppressor> newSuppressedBy) {
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
        previousValue,
        threshold,
        changePercent,
        attributes,
        occurrences,
        detectedAt,
        lastSeenAt,
        acknowledgedAt,
        acknowledgedBy,
        resolvedAt,
        resolvedBy,
        expiresAt,
        autoResolved,
        previousSeverity,
        version + 1,
        newSuppressedBy);
  }

  /**
   * A copy with other counts and nothing else changed: what a re-trigger that brings nothing new
   * leaves, and what the engine's memory builds from the counts it keeps apart from the alert.
   */
  public Alert withCounts(long newOccurrences, Instant newLastSeenAt, long newVersion) {
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
        previousValue,
        threshold,
        changePercent,
        attributes,
        newOccurrences,
        detectedAt,
        newLastSeenAt,
        acknowledgedAt,
        acknowledgedBy,
        resolvedAt,
        resolvedBy,
        expiresAt,
        autoResolved,
        previousSeverity,
        newVersion,
        suppressedBy);
  }
}
