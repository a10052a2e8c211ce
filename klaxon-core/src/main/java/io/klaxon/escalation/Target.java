package io.klaxon.escalation;

import io.klaxon.problem.InvalidInput;

/**
 * Whom a step notifies: a receiver, a person (their contacts), or whoever a schedule has on call.
 */
public sealed interface Target {

  /** The name of the receiver, person or schedule. */
  String name();

  /** The text form, {@code kind:name}, as the API and the stored policy give it. */
  String text();

  /** One receiver by name. */
  record ReceiverTarget(String name) implements Target {
    @Override
    public String text() {
      return "receiver:" + name;
    }
  }

  /** A person, reached through their contact receivers. */
  record PersonTarget(String name) implements Target {
    @Override
    public String text() {
      return "person:" + name;
    }
  }

  /** Whoever the schedule has on call when the step fires. */
  record ScheduleTarget(String name) implements Target {
    @Override
    public String text() {
      return "schedule:" + name;
    }
  }

  /**
   * Reads {@code receiver:x}, {@code person:x} or {@code schedule:x}.
   *
   * @throws InvalidInput naming {@code field} for anything else
   */
  static Target parse(String field, String text) {
    int colon = text.indexOf(':');
    String kind = colon < 0 ? "" : text.substring(0, colon);
    String name = colon < 0 ? "" : text.substring(colon + 1);
    if (name.isBlank()) {
      throw new InvalidInput(
          field, "'" + text + "' is not receiver:<name>, person:<name> or schedule:<name>");
    }
    return switch (kind) {
      case "receiver" -> new ReceiverTarget(name);
      case "person" -> new PersonTarget(name);
      case "schedule" -> new ScheduleTarget(name);
      default ->
          throw new InvalidInput(
              field, "'" + text + "' is not receiver:<name>, person:<name> or schedule:<name>");
    };
  }
}
