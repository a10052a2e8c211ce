package io.klaxon.engine;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Short ways to write the commands that engine tests send. */
final class Commands {

  static final String SOURCE = "hosts";
  static final String TYPE = "disk";
  static final String ACTOR = "alice";

  private Commands() {}

  static AlertCommand.Trigger trigger(String fingerprint) {
    return trigger(fingerprint, Severity.HIGH);
  }

  static AlertCommand.Trigger trigger(String fingerprint, Severity severity) {
    return trigger(fingerprint, severity, null, null, null);
  }

  static AlertCommand.Trigger trigger(
      String fingerprint,
      Severity severity,
      @Nullable Double value,
      @Nullable Subject subject,
      @Nullable Instant occurredAt) {
    return new AlertCommand.Trigger(
        fingerprint,
        SOURCE,
        TYPE,
        severity,
        "Disk almost full on " + fingerprint,
        null,
        subject,
        value,
        90.0,
        null,
        Map.of(),
        occurredAt,
        null,
        Actor.of(SOURCE));
  }

  static AlertCommand.Change change(String fingerprint, Transition transition) {
    return AlertCommand.Change.of(AlertRef.fingerprint(fingerprint), transition, Actor.of(ACTOR));
  }

  static AlertCommand.Change change(long id, Transition transition) {
    return AlertCommand.Change.of(AlertRef.id(id), transition, Actor.of(ACTOR));
  }

  static AlertCommand.Change automatic(String fingerprint, Transition transition) {
    return new AlertCommand.Change(
        AlertRef.fingerprint(fingerprint), transition, Actor.of("klaxon"), null, true);
  }

  static AlertCommand.Note note(AlertRef target, String text) {
    return new AlertCommand.Note(target, text, Actor.of(ACTOR));
  }
}
