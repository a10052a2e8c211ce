package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.store.ChangeSet.SubjectRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Batch} reads of the alerts as they stand before it: the engine's memory, or that
 * with the batch still committing before it laid over it. Read on the writer thread only.
 */
interface CommittedAlerts {

  /** The active alert for a fingerprint. */
  Optional<Alert> active(String fingerprint);

  /**
   * The active alert for a fingerprint as re-triggered by {@code trigger}, built once from what is
   * held rather than from a copy of the alert first; null when none is active. The trigger's {@link
   * TriggerDigest}, when it has one, may decide without comparing that it moves only the alert's
   * counts.
   */
  TriggerRules.@Nullable Retriggered retrigger(
      String fingerprint,
      AlertCommand.Trigger trigger,
      @Nullable TriggerDigest digest,
      Instant occurredAt);

  /** The alert with this id, active or not. */
  Optional<Alert> byId(long id);

  /** The active alerts about a subject. */
  List<Alert> ofSubject(SubjectRef subject);

  /** What the history has not yet told of an active alert's re-triggers; null when up to date. */
  @Nullable RetriggerTally tally(long id);
}
