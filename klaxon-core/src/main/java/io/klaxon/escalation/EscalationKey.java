package io.klaxon.escalation;

import java.util.Optional;

/**
 * The group key of a notification an escalation step sends: unique to the step, and naming the
 * person it goes to, so that its acknowledge link acknowledges as that person.
 */
public final class EscalationKey {

  private static final String PREFIX = "escalation:";
  private static final String PERSON = " person:";

  private EscalationKey() {}

  /** The key for one step of one escalation, to a person when {@code person} is set. */
  public static String of(Escalation escalation, Optional<String> person) {
    return PREFIX
        + escalation.id()
        + ":"
        + escalation.round()
        + ":"
        + escalation.step()
        + person.map(name -> PERSON + name).orElse("");
  }

  /** The person a notification with this group key was sent to, if it was an escalation's. */
  public static Optional<String> person(String groupKey) {
    if (!groupKey.startsWith(PREFIX)) {
      return Optional.empty();
    }
    int at = groupKey.indexOf(PERSON);
    return at < 0 ? Optional.empty() : Optional.of(groupKey.substring(at + PERSON.length()));
  }
}
