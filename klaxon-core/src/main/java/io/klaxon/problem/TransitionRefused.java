package io.klaxon.problem;

/** A lifecycle transition that the alert's current status does not allow. */
public final class TransitionRefused extends KlaxonException {

  private static final long serialVersionUID = 1L;

  private final long alertId;
  private final String currentStatus;
  private final String transition;

  public TransitionRefused(long alertId, String currentStatus, String transition) {
    super("alert " + alertId + " is " + currentStatus + ": it cannot be " + transition);
    this.alertId = alertId;
    this.currentStatus = currentStatus;
    this.transition = transition;
  }

  public long alertId() {
    return alertId;
  }

  /** The status word (as in the API) that refused the transition. */
  public String currentStatus() {
    return currentStatus;
  }

  /** The transition that was attempted, as a past participle ("acknowledged", "resolved"). */
  public String transition() {
    return transition;
  }
}
