package io.klaxon.store;

import java.util.List;

/**
 * The committed alert changes in the order they were committed, for readers that must see each
 * change even across their own restarts (notifications, the lake sink): a reader keeps the position
 * of the last change it handled and asks for what came after.
 *
 * <p>The feed carries material changes only ({@link io.klaxon.alert.HistoryEntry#isMaterial}): a
 * pure re-trigger is counted on its alert, and the history's summaries of re-triggers are left out.
 *
 * <p>Every material change is a history entry written in the same transaction as the alert change
 * itself, so the feed is a transactional outbox that costs no extra write. Positions only grow and
 * are never handed out again, but may have gaps (deleted alerts take their history with them, and
 * summaries of re-triggers are not in the feed).
 */
public interface ChangeFeed {

  /**
   * Up to {@code limit} changes after {@code position}, oldest first. An alert deleted since
   * (retention, a deleted subject) no longer shows its changes.
   */
  List<AlertChange> changesAfter(long position, int limit);

  /**
   * The position of the newest (material) change, 0 when there is none; a reader that wants only
   * what comes from now on starts there.
   */
  long lastPosition();
}
