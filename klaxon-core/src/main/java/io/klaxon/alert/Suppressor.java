package io.klaxon.alert;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing suppressing an active alert: a silence, a maintenance window, an inhibition rule or a
 * snooze. Suppression holds back notifications and never changes the alert's status.
 *
 * @param id the silence's uuid, the window's id, the rule's name, or the alert's own id for a
 *     snooze
 * @param until when it stops on its own; null when it lasts as long as something else does (an
 *     inhibiting alert)
 */
public record Suppressor(SuppressionKind kind, String id, @Nullable Instant until) {

  /** The suppressor as history shows it: {@code silence:<id>}, with {@code until} when it ends. */
  public String text() {
    return kind.word() + ":" + id + (until == null ? "" : " until " + until);
  }
}
