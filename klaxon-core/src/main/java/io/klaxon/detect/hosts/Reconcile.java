package io.klaxon.detect.hosts;

import io.klaxon.alert.Alert;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings a state in line with the alerts, which are the truth about alerts: the engine's active
 * alert for the state's fingerprint, as last committed (memory, no database read).
 *
 * <p>States are written after the alerts they go with (see {@link HostMonitor}), so a crash or a
 * failed write between the two leaves a state that lags its alerts; and people resolve or dismiss
 * alerts by hand. Either way this puts the state right before it is used.
 */
final class Reconcile {

  private Reconcile() {}

  static AlertState with(AlertState state, Optional<Alert> active, Instant now) {
    if (active.isPresent()) {
      Alert alert = active.get();
      if (Objects.equals(state.activeAlertId(), alert.id())
          && state.alertSeverity() == alert.severity()) {
        return state;
      }
      // An alert the state does not know (its write was lost), or escalated since.
      StateDraft adopted = new StateDraft(state);
      adopted.alertSeverity = alert.severity();
      adopted.activeAlertId = alert.id();
      if (adopted.lastAlertAt == null) {
        adopted.lastAlertAt = alert.detectedAt();
      }
      return adopted.build();
    }
    if (state.alerting()) {
      // Resolved or dismissed by hand, or resolved by a commit whose state write was lost: the
      // cool-down counts from now, as the resolution time is not in memory.
      StateDraft closed = new StateDraft(state);
      closed.resolved(now);
      return closed.build();
    }
    return state;
  }
}
