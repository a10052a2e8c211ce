package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a trigger does to an alert: open a new one, or fold into the active one. */
final class TriggerRules {

  private TriggerRules() {}

  /**
   * The alert as re-triggered, and the material fields that moved (for its history entry); none
   * when only {@code occurrences} and {@code lastSeenAt} moved, a pure re-trigger.
   *
   * @param subjectMoved whether the trigger brings a subject other than the alert's
   * @param countsOnly whether the alert differs from the active one in nothing but occurrences,
   *     lastSeenAt and version: a re-trigger the partition's log can hold instead of the alert's
   *     row. A pure re-trigger may still move what its history does not tell (attributes, subject,
   *     previousValue); one that moves none of them is counts only.
   */
  record Retriggered(
      Alert alert, List<FieldChange> changes, boolean subjectMoved, boolean countsOnly) {

    boolean pure() {
      return changes.isEmpty();
    }
  }

  static Alert open(long id, AlertCommand.Trigger trigger, Instant occurredAt) {
    return new Alert(
        id,
        trigger.fingerprint(),
        trigger.source(),
        trigger.type(),
        trigger.severity(),
        AlertStatus.OPEN,
        trigger.title(),
        trigger.message(),
        trigger.subject(),
        trigger.value(),
        trigger.previousValue(),
        trigger.threshold(),
        trigger.changePercent(),
        trigger.attributes(),
        1,
        occurredAt,
        occurredAt,
        null,
        null,
        null,
        null,
        trigger.expiresAt(),
        false,
        null,
        1,
        List.of());
  }

  /**
   * Folds a trigger into the active alert: one more occurrence, the latest sighting, and the
   * trigger's severity, text and numbers where it brings them. A changed severity keeps the old one
   * as {@code previousSeverity}; a changed value keeps the old one as {@code previousValue}, unless
   * the trigger says what its value is measured from.
   */
  static Retriggered retrigger(Alert active, AlertCommand.Trigger trigger, Instant occurredAt) {
    Instant seen = active.lastSeenAt();
    return retrigger(
        active,
        active.occurrences(),
        seen.getEpochSecond(),
        seen.getNano(),
        active.version(),
        trigger,
        occurredAt);
  }

  /**
   * As {@link #retrigger(Alert, AlertCommand.Trigger, Instant)}, with {@code active}'s occurrences,
   * lastSeenAt and version given beside it, which override its own: the active index keeps an
   * alert's counts apart from the alert, and building the alert from them first, only to build the
   * re-triggered one from it, was a sixth of the writer's work per pure re-trigger.
   */
  static Retriggered retrigger(
      Alert active,
      long occurrencesBefore,
      long lastSeenSecond,
      int lastSeenNano,
      long versionBefore,
      AlertCommand.Trigger trigger,
      Instant occurredAt) {
    List<FieldChange> changes = new ArrayList<>();
    long occurrences = occurrencesBefore + 1;

    var severity = active.severity();
    var previousSeverity = active.previousSeverity();
    if (trigger.severity() != active.severity()) {
      changes.add(change("severity", active.severity().word(), trigger.severity().word()));
      previousSeverity = active.severity();
      severity = trigger.severity();
    }
    Double value = active.value();
    Double previousValue = active.previousValue();
    if (trigger.value() != null && !trigger.value().equals(active.value())) {
      changes.add(change("value", active.value(), trigger.value()));
      previousValue = active.value();
      value = trigger.value();
    }
    if (trigger.previousValue() != null) {
      previousValue = trigger.previousValue(); // the producer knows what the value moved from
    }
    String title = changed(changes, "title", active.title(), trigger.title());
    String message = changed(changes, "message", active.message(), trigger.message());
    Double threshold = changed(changes, "threshold", active.threshold(), trigger.threshold());
    Double changePercent =
        changed(changes, "changePercent", active.changePercent(), trigger.changePercent());
    Instant expiresAt = changed(changes, "expiresAt", active.expiresAt(), trigger.expiresAt());
    // Where the trigger brings what the alert holds, the alert keeps its own: compared once here,
    // equal values are then the same object, which the active index's compaction of the
    // committed alert compares by identity instead of entry by entry.
    Subject offered = trigger.subject();
    boolean subjectMoved = offered != null && !offered.equals(active.subject());
    Subject subject = subjectMoved ? offered : active.subject();
    Map<String, Object> offeredAttributes =
        trigger.merge().isEmpty()
            ? trigger.attributes()
            : trigger.merge().onto(active.attributes(), trigger.attributes());
    boolean attributesMoved =
        !offeredAttributes.isEmpty() && !offeredAttributes.equals(active.attributes());
    var attributes = attributesMoved ? offeredAttributes : active.attributes();
    Instant lastSeenAt = lastSeen(active, lastSeenSecond, lastSeenNano, occurredAt);

    Alert after =
        new Alert(
            active.id(),
            active.fingerprint(),
            active.source(),
            active.type(),
            severity,
            active.status(),
            title,
            message,
            subject,
            value,
            previousValue,
            threshold,
            changePercent,
            attributes,
            occurrences,
            active.detectedAt(),
            lastSeenAt,
            active.acknowledgedAt(),
            active.acknowledgedBy(),
            active.resolvedAt(),
            active.resolvedBy(),
            expiresAt,
            active.autoResolved(),
            previousSeverity,
            versionBefore + 1,
            active.suppressedBy()); // a re-trigger neither starts nor ends a suppression
    boolean countsOnly =
        changes.isEmpty()
            && !subjectMoved
            && !attributesMoved
            && Objects.equals(previousValue, active.previousValue());
    return new Retriggered(after, changes, subjectMoved, countsOnly);
  }

  /**
   * The alert re-triggered by a trigger known to bring exactly what it holds ({@link
   * TriggerDigest}): one more occurrence and the latest sighting, nothing else, decided without
   * reading the alert's text and attributes. What {@link #retrigger(Alert, long, long, int, long,
   * AlertCommand.Trigger, Instant)} answers for such a trigger.
   */
  static Retriggered countsOnly(
      Alert active,
      long occurrencesBefore,
      long lastSeenSecond,
      int lastSeenNano,
      long versionBefore,
      Instant occurredAt) {
    Instant lastSeenAt = lastSeen(active, lastSeenSecond, lastSeenNano, occurredAt);
    Alert after = active.withCounts(occurrencesBefore + 1, lastSeenAt, versionBefore + 1);
    return new Retriggered(after, List.of(), false, true);
  }

  /** The later of the alert's last sighting and this trigger's. */
  private static Instant lastSeen(Alert base, long second, int nano, Instant occurredAt) {
    long occurredSecond = occurredAt.getEpochSecond();
    boolean later =
        occurredSecond > second || (occurredSecond == second && occurredAt.getNano() > nano);
    return later ? occurredAt : seen(base, second, nano);
  }

  /** The alert's last sighting as an instant: its own object when the counts did not move it. */
  private static Instant seen(Alert base, long second, int nano) {
    Instant kept = base.lastSeenAt();
    return kept.getEpochSecond() == second && kept.getNano() == nano
        ? kept
        : Instant.ofEpochSecond(second, nano);
  }

  /** The trigger's value where it brings one that differs, noting the change; else the old. */
  private static <T extends @Nullable Object> T changed(
      List<FieldChange> changes, String field, T old, @Nullable T offered) {
    if (offered == null || offered.equals(old)) {
      return old;
    }
    changes.add(change(field, old, offered));
    return offered;
  }

  static FieldChange change(String field, @Nullable Object from, @Nullable Object to) {
    return new FieldChange(field, Objects.toString(from, null), Objects.toString(to, null));
  }
}
