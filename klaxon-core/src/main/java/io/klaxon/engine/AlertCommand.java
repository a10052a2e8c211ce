package io.klaxon.engine;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Suppressor;
import io.klaxon.alert.Transition;
import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A request to change alerts, applied only by the {@link AlertEngine}. */
public sealed interface AlertCommand {

  /** Who asked: a user, an API key, a detector, or {@code klaxon} for housekeeping. */
  Actor actor();

  /**
   * Something is wrong: open an alert for the fingerprint, or re-trigger the active one.
   *
   * @param occurredAt when the producer saw it; the engine's clock when null
   * @param expiresAt when the alert stops mattering (a match's kick-off), if ever
   * @param previousValue what {@code value} is measured from (the odds detector's price at the
   *     start of its look-back window, seed 000's {@code old_value}); when null the engine keeps
   *     the alert's former value as its previous one
   * @param startedAt when the producer says the condition began: it dates a new alert ({@code
   *     detectedAt}) when earlier than {@code occurredAt}; a re-trigger leaves it
   * @param merge how the trigger's attributes meet the active alert's ({@link AttributeMerge})
   */
  record Trigger(
      String fingerprint,
      String source,
      String type,
      Severity severity,
      String title,
      @Nullable String message,
      @Nullable Subject subject,
      @Nullable Double value,
      @Nullable Double threshold,
      @Nullable Double changePercent,
      Map<String, Object> attributes,
      @Nullable Instant occurredAt,
      @Nullable Instant expiresAt,
      Actor actor,
      @Nullable Double previousValue,
      @Nullable Instant startedAt,
      AttributeMerge merge)
      implements AlertCommand {

    /** A trigger that neither dates a new alert by its start nor merges attributes. */
    public Trigger(
        String fingerprint,
        String source,
        String type,
        Severity severity,
        String title,
        @Nullable String message,
        @Nullable Subject subject,
        @Nullable Double value,
        @Nullable Double threshold,
        @Nullable Double changePercent,
        Map<String, Object> attributes,
        @Nullable Instant occurredAt,
        @Nullable Instant expiresAt,
        Actor actor,
        @Nullable Double previousValue) {
      this(
          fingerprint,
          source,
          type,
          severity,
          title,
          message,
          subject,
          value,
          threshold,
          changePercent,
          attributes,
          occurredAt,
          expiresAt,
          actor,
          previousValue,
          null,
          AttributeMerge.NONE);
    }

    /** A trigger that leaves {@code previousValue} to the engine. */
    public Trigger(
        String fingerprint,
        String source,
        String type,
        Severity severity,
        String title,
        @Nullable String message,
        @Nullable Subject subject,
        @Nullable Double value,
        @Nullable Double threshold,
        @Nullable Double changePercent,
        Map<String, Object> attributes,
        @Nullable Instant occurredAt,
        @Nullable Instant expiresAt,
        Actor actor) {
      this(
          fingerprint,
          source,
          type,
          severity,
          title,
          message,
          subject,
          value,
          threshold,
          changePercent,
          attributes,
          occurredAt,
          expiresAt,
          actor,
          null);
    }

    public Trigger {
      for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
        if (attribute.getValue() == null) {
          throw new InvalidInput(
              "attributes." + attribute.getKey(), "must not be null: leave it out instead");
        }
      }
      attributes = Map.copyOf(attributes);
      Limits.requireText("fingerprint", fingerprint, Limits.KEY);
      Limits.requireText("source", source, Limits.KEY);
      Limits.requireText("type", type, Limits.KEY);
      Limits.requireText("title", title, Limits.TITLE);
      Limits.optionalText("message", message, Limits.TEXT);
      Limits.requireActor(actor);
      // An embedding caller is not held to the nullness annotations: refused here, not on the
      // writer's thread where the batch would fail with it.
      if (merge == null) {
        throw new InvalidInput("merge", "is required (AttributeMerge.NONE for none)");
      }
      if (subject != null) {
        Limits.requireText("subject.type", subject.type(), Limits.KEY);
        Limits.requireText("subject.key", subject.key(), Limits.KEY);
        Limits.requireText("subject.name", subject.name(), Limits.TITLE);
      }
    }

    /** A trigger with only what every alert needs; the rest empty. */
    public static Trigger of(
        String fingerprint, String source, String type, Severity severity, String title) {
      Limits.requireText("source", source, Limits.KEY); // before it names the actor too
      return new Trigger(
          fingerprint,
          source,
          type,
          severity,
          title,
          null,
          null,
          null,
          null,
          null,
          Map.of(),
          null,
          null,
          Actor.of(source));
    }
  }

  /**
   * Move an alert along its lifecycle.
   *
   * @param onlyIfStartedBy when present, the move happens only if the alert started by then (the
   *     engine judges it as it applies the change); otherwise the result is {@link
   *     Outcome#UNCHANGED} with the alert as it is
   */
  record Change(
      AlertRef target,
      Transition transition,
      Actor actor,
      @Nullable String note,
      boolean automatic,
      @Nullable StartedBy onlyIfStartedBy)
      implements AlertCommand {

    public Change {
      Limits.requireActor(actor);
      Limits.optionalText("note", note, Limits.TEXT);
    }

    /** A change with no condition. */
    public Change(
        AlertRef target,
        Transition transition,
        Actor actor,
        @Nullable String note,
        boolean automatic) {
      this(target, transition, actor, note, automatic, null);
    }

    public static Change of(AlertRef target, Transition transition, Actor actor) {
      return new Change(target, transition, actor, null, false);
    }
  }

  /**
   * Set what suppresses an active alert (silences, windows, inhibition, snooze); empty when nothing
   * does. Its status never changes; the history records the start, change and end. A final alert,
   * or no change, is left as it is.
   */
  record Suppress(long alertId, List<Suppressor> suppressedBy, Actor actor)
      implements AlertCommand {

    public Suppress {
      suppressedBy = List.copyOf(suppressedBy);
      Limits.requireActor(actor);
    }
  }

  /** Add a note to an alert's history; allowed in every status. */
  record Note(AlertRef target, String text, Actor actor) implements AlertCommand {

    public Note {
      Limits.requireText("text", text, Limits.TEXT);
      Limits.requireActor(actor);
    }
  }

  /**
   * Delete a subject with every alert about it and their history, in one transaction; anything else
   * the store keeps about the subject (a server's detector states) goes with it. Active alerts of
   * the subject leave the engine's memory, so a later trigger opens a new alert.
   */
  record Purge(String subjectType, String subjectKey, Actor actor) implements AlertCommand {

    public Purge {
      Limits.requireText("subject.type", subjectType, Limits.KEY);
      Limits.requireText("subject.key", subjectKey, Limits.KEY);
      Limits.requireActor(actor);
    }
  }

  /**
   * Delete one alert in a final status (resolved, dismissed, expired) with its history: the
   * retention purge. An active alert is refused ({@link io.klaxon.problem.TransitionRefused}), an
   * unknown one is {@link io.klaxon.problem.NotFound}. Its id is never handed out again.
   */
  record Delete(long alertId, Actor actor) implements AlertCommand {

    public Delete {
      if (alertId < 1) {
        throw new InvalidInput("alertId", "must be positive");
      }
      Limits.requireActor(actor);
    }
  }

  /** Sizes of text fields, the same in the API, the engine and the schema. */
  final class Limits {
    public static final int KEY = 255;
    public static final int TITLE = 500;
    public static final int TEXT = 10_000;

    private Limits() {}

    static void requireActor(@Nullable Actor actor) {
      if (actor == null) {
        throw new InvalidInput("actor", "is required and must not be blank");
      }
    }

    static void requireText(String field, @Nullable String text, int max) {
      if (text == null || text.isBlank()) {
        throw new InvalidInput(field, "is required and must not be blank");
      }
      optionalText(field, text, max);
    }

    static void optionalText(String field, @Nullable String text, int max) {
      if (text != null && text.length() > max) {
        throw new InvalidInput(field, "must be at most " + max + " characters");
      }
    }
  }
}
