package io.klaxon.server.alertmanager;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertCommand.Limits;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.StartedBy;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.alertmanager.AlertAttributes.Via;
import io.klaxon.server.alertmanager.PostedAlert.Fault;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Klaxon's reading of an Alertmanager alert, in one place: a firing alert triggers the alert of its
 * label set's fingerprint, a resolved one resolves it. See docs/ALERTMANAGER.md.
 */
@Component
class AlertMapping {

  static final String SOURCE = "alertmanager";

  /** The type of an alert without an {@code alertname} label, which Alertmanager allows. */
  static final String UNNAMED = "unnamed";

  /** What to do for one alert: every alert is a command, even one the engine will find idle. */
  record Mapped(String fingerprint, AlertCommand command) {}

  private final Severity defaultSeverity;

  AlertMapping(AlertmanagerSettings settings) {
    this.defaultSeverity = settings.severity();
  }

  /**
   * The command for one alert received at {@code now}. It needs no look at the active alert: what
   * depends on it (the earliest {@code startsAt}, the first receipt, whether a resolve is late) is
   * judged by the engine as it applies the command, after every earlier one about the alert; in
   * cluster mode that is the partition's owner, where a read here could miss commands still on
   * their way to it.
   *
   * @param fingerprint the alert's label-set fingerprint ({@link LabelFingerprint#key})
   * @param index the alert's place in its request, which names it in faults after {@code prefix}
   * @return what to do, or null with the reason added to {@code faults}
   */
  @Nullable Mapped map(
      PostedAlert alert,
      String fingerprint,
      Via via,
      Actor actor,
      Instant now,
      String prefix,
      int index,
      List<Fault> faults) {
    Instant endsAt = alert.endsAt();
    boolean resolved =
        alert.firing() != null ? !alert.firing() : endsAt != null && !endsAt.isAfter(now);
    try {
      if (resolved) {
        return new Mapped(fingerprint, resolve(fingerprint, endsAt, actor));
      }
      return new Mapped(fingerprint, trigger(fingerprint, alert, via, actor, now));
    } catch (InvalidInput e) {
      for (InvalidInput.FieldError error : e.errors()) {
        faults.add(
            new Fault(
                prefix + "[" + index + "]." + inPayload(error.field()), error.reason(), false));
      }
      return null;
    }
  }

  private AlertCommand.Trigger trigger(
      String fingerprint, PostedAlert alert, Via via, Actor actor, Instant now) {
    Map<String, String> labels = alert.labels();
    Instant startsAt = alert.startsAt() != null ? alert.startsAt() : now;
    String alertname = labels.get("alertname");
    String description = alert.annotations().get("description");
    return new AlertCommand.Trigger(
        fingerprint,
        SOURCE,
        alertname == null || alertname.isBlank() ? UNNAMED : cut(alertname, Limits.KEY),
        severity(labels.get("severity")),
        cut(title(alert), Limits.TITLE),
        description == null || description.isBlank() ? null : cut(description, Limits.TEXT),
        subject(labels),
        null,
        null,
        null,
        AlertAttributes.of(alert, startsAt, now, via),
        null, // a re-trigger is a sighting, dated when the engine applies it
        null,
        actor,
        null,
        startsAt, // the first trigger dates the alert (detectedAt), if not in the future
        AlertAttributes.MERGE);
  }

  /**
   * Resolves the active alert of the fingerprint, if it started by {@code endsAt}: a late resolve
   * of an earlier firing must not close a newer one. With nothing active the engine does nothing
   * (Alertmanager would only keep the resolved alert, not show it).
   */
  private static AlertCommand resolve(String fingerprint, @Nullable Instant endsAt, Actor actor) {
    String note =
        endsAt == null
            ? "resolved by the sending Alertmanager"
            : "endsAt " + endsAt + " has passed";
    return new AlertCommand.Change(
        AlertRef.fingerprint(fingerprint),
        Transition.RESOLVE,
        actor,
        note,
        true,
        endsAt == null ? null : new StartedBy(endsAt, AlertAttributes.STARTS_AT));
  }

  private Severity severity(@Nullable String label) {
    if (label == null || label.isBlank()) {
      return defaultSeverity;
    }
    try {
      return Severity.parse(label);
    } catch (InvalidInput unknown) {
      return defaultSeverity; // "page", "error": the label is kept; one word must not fail a batch
    }
  }

  private static String title(PostedAlert alert) {
    String summary = alert.annotations().get("summary");
    if (summary != null && !summary.isBlank()) {
      return summary;
    }
    String alertname = alert.labels().get("alertname");
    if (alertname != null && !alertname.isBlank()) {
      return alertname;
    }
    return alert.labels().entrySet().stream()
        .map(label -> label.getKey() + "=\"" + label.getValue() + "\"")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  /** The instance, else the job; none when that label is longer than a Klaxon key. */
  private static @Nullable Subject subject(Map<String, String> labels) {
    for (String kind : List.of("instance", "job")) {
      String key = labels.get(kind);
      if (key != null && !key.isBlank()) {
        return key.length() <= Limits.KEY ? Subject.of(kind, key, key) : null;
      }
    }
    return null;
  }

  /** Where a core refusal's field came from in the posted alert. */
  private static String inPayload(String field) {
    return switch (field) {
      case "type" -> "labels.alertname";
      case "title" -> "annotations.summary";
      case "message" -> "annotations.description";
      default -> field;
    };
  }

  /** Title and message are derived; the full text stays in the annotations. */
  private static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
