package io.klaxon.server.alert;

import io.klaxon.access.Actor;
import io.klaxon.alert.Fingerprint;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertRef;
import io.klaxon.problem.Unchecked;
import io.klaxon.server.problem.FieldErrors;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One raw alert event from a producer, in the spirit of PagerDuty's Events API: trigger,
 * acknowledge or resolve the alert that its dedupKey (or source, subject and type) names.
 */
record AlertEventRequest(
    @Nullable String action,
    @Nullable String dedupKey,
    @Nullable String source,
    @Nullable String type,
    @Nullable String severity,
    @Nullable String title,
    @Nullable String message,
    @Nullable SubjectRequest subject,
    @Nullable Map<String, Object> attributes,
    @Nullable Double value,
    @Nullable Double threshold,
    @Nullable Double changePercent,
    @Nullable Instant occurredAt,
    @Nullable Instant expiresAt,
    @Nullable String note) {

  /** How many attributes an event may carry and how long each value's text may be. */
  record Limits(int attributes, int attributeLength) {}

  /** What an event is about. */
  record SubjectRequest(@Nullable String type, @Nullable String key, @Nullable String name) {}

  /**
   * The command this event asks for, or null with every fault recorded in {@code errors} under
   * {@code path} (e.g. {@code [3].}).
   */
  @Nullable AlertCommand toCommand(String path, Actor actor, Limits limits, FieldErrors errors) {
    String verb = action == null ? null : action.trim().toLowerCase(Locale.ROOT);
    if (verb == null || verb.isEmpty()) {
      errors.add(path + "action", "is required: trigger, acknowledge or resolve");
      return null;
    }
    if (!verb.equals("trigger") && !verb.equals("acknowledge") && !verb.equals("resolve")) {
      errors.add(
          path + "action", "unknown action '" + action + "': use trigger, acknowledge or resolve");
      return null;
    }
    int before = errors.size();
    require(path, "source", source, errors);
    require(path, "type", type, errors);
    Subject subjectValue = subject(path, errors);
    if (verb.equals("trigger")) {
      require(path, "title", title, errors);
      if (severity == null || severity.isBlank()) {
        errors.add(path + "severity", "is required for a trigger");
      }
    }
    Severity severityValue =
        severity == null || severity.isBlank()
            ? null
            : errors.attempt(path, () -> Severity.parse(severity));
    Map<String, Object> attributeValues = attributes(path, limits, errors);
    if (errors.size() > before) {
      return null;
    }
    String fingerprint =
        errors.attempt(
            path,
            () ->
                Fingerprint.of(
                    dedupKey, Unchecked.input(source), subjectValue, Unchecked.input(type)));
    if (fingerprint == null) {
      return null;
    }
    if (verb.equals("trigger")) {
      return errors.attempt(
          path,
          () ->
              new AlertCommand.Trigger(
                  fingerprint,
                  Unchecked.input(source),
                  Unchecked.input(type),
                  Unchecked.input(severityValue),
                  Unchecked.input(title),
                  message,
                  subjectValue,
                  value,
                  threshold,
                  changePercent,
                  attributeValues,
                  occurredAt,
                  expiresAt,
                  actor));
    }
    Transition transition =
        verb.equals("acknowledge") ? Transition.ACKNOWLEDGE : Transition.RESOLVE;
    return errors.attempt(
        path,
        () ->
            new AlertCommand.Change(
                AlertRef.fingerprint(fingerprint), transition, actor, note, false));
  }

  private @Nullable Subject subject(String path, FieldErrors errors) {
    if (subject == null) {
      return null;
    }
    String subjectType = subject.type();
    String subjectKey = subject.key();
    boolean ok = require(path, "subject.type", subjectType, errors);
    ok &= require(path, "subject.key", subjectKey, errors);
    return ok && subjectType != null && subjectKey != null
        ? Subject.of(subjectType, subjectKey, subject.name())
        : null;
  }

  private Map<String, Object> attributes(String path, Limits limits, FieldErrors errors) {
    if (attributes == null) {
      return Map.of();
    }
    if (attributes.size() > limits.attributes()) {
      errors.add(path + "attributes", "at most " + limits.attributes() + " attributes");
      return attributes;
    }
    attributes.forEach(
        (name, attributeValue) -> {
          if (name.isBlank() || name.length() > AlertCommand.Limits.KEY) {
            errors.add(path + "attributes", "names must be 1 to 255 characters");
          }
          if (attributeValue == null) {
            errors.add(path + "attributes." + name, "must not be null: leave it out instead");
          } else if (String.valueOf(attributeValue).length() > limits.attributeLength()) {
            errors.add(
                path + "attributes." + name,
                "must be at most " + limits.attributeLength() + " characters long");
          }
        });
    return attributes;
  }

  private static boolean require(
      String path, String field, @Nullable String text, FieldErrors errors) {
    if (text == null || text.isBlank()) {
      errors.add(path + field, "is required and must not be blank");
      return false;
    }
    return true;
  }
}
