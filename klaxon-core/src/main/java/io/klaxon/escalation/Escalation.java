package io.klaxon.escalation;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One escalation as it runs: an alert followed by a policy, from the step it fires next.
 *
 * @param round how many times the steps have run through already
 * @param step the index of the step that fires next
 * @param nextAt when that step fires; null once the escalation ended
 * @param lastNotified whom the last step notified (target texts and receivers), if one fired
 * @param endReason why it ended (acknowledged, resolved, done…); null while it runs
 */
public record Escalation(
    long id,
    long alertId,
    String policy,
    String route,
    int round,
    int step,
    @Nullable Instant nextAt,
    Instant startedAt,
    @Nullable Instant lastStepAt,
    @Nullable String lastNotified,
    @Nullable String endReason) {

  /** Whether steps are still to fire. */
  public boolean running() {
    return endReason == null;
  }
}
