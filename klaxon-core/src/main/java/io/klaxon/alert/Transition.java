package io.klaxon.alert;

import java.util.Locale;

/** A change of status that a person or Klaxon can ask for. */
public enum Transition {
  ACKNOWLEDGE("acknowledged", HistoryAction.ACKNOWLEDGED),
  UNACKNOWLEDGE("unacknowledged", HistoryAction.UNACKNOWLEDGED),
  RESOLVE("resolved", HistoryAction.RESOLVED),
  DISMISS("dismissed", HistoryAction.DISMISSED),
  EXPIRE("expired", HistoryAction.EXPIRED);

  private final String pastParticiple;
  private final HistoryAction action;

  Transition(String pastParticiple, HistoryAction action) {
    this.pastParticiple = pastParticiple;
    this.action = action;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** "acknowledged", "resolved": how refusals and outcomes name it. */
  public String pastParticiple() {
    return pastParticiple;
  }

  public HistoryAction action() {
    return action;
  }
}
