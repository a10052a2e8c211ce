package io.klaxon.escalation;

import java.time.Instant;
import java.util.List;

/**
 * Where escalations are kept, so they survive restarts; a step is claimed by one instance at a
 * time. Failures of the database surface as {@link io.klaxon.problem.Unavailable}.
 */
public interface EscalationStore {

  /** A policy to start for an alert: the route that chose it and when its first step is due. */
  record Start(long alertId, String policy, String route, Instant startedAt, Instant firstAt) {}

  /** The position in the change feed of the last change read; 0 before the first. */
  long cursor();

  /**
   * In one transaction: starts the escalations (an alert already followed by a policy keeps its
   * escalation), ends the running ones of {@code ended} alerts with their reason, and moves the
   * cursor to {@code position}.
   */
  void follow(List<Start> starts, List<Ended> ended, long position, Instant now);

  /** An alert that stopped needing escalation, and why (acknowledged, resolved…). */
  record Ended(long alertId, String reason) {}

  /**
   * Claims up to {@code limit} running escalations due at {@code now}: no other claim takes them
   * until {@code leaseUntil} or until {@link #advance} or {@link #end} records them.
   */
  List<Escalation> claimDue(Instant now, Instant leaseUntil, int limit);

  /** Records a fired step: the next position and time, and whom it notified; the claim ends. */
  void advance(long id, int round, int step, Instant nextAt, Instant firedAt, String notified);

  /** Moves a claimed escalation's next step to {@code at} without firing it; the claim ends. */
  void postpone(long id, Instant at);

  /** Ends an escalation with a reason; the claim ends. */
  void end(long id, String reason, Instant at, @org.jspecify.annotations.Nullable String notified);

  /**
   * Whether any escalation is still running: while none is and no route starts a policy, the change
   * feed holds nothing that starts or ends one.
   */
  boolean anyRunning();

  /** The escalations of an alert, oldest first. */
  List<Escalation> ofAlert(long alertId);
}
