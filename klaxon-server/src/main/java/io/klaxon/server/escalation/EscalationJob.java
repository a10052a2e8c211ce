package io.klaxon.server.escalation;

import io.klaxon.escalation.Escalation;
import io.klaxon.escalation.EscalationStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The thread that follows the change feed for escalations to start and end, and fires the steps
 * that are due, woken by the engine's commits and every poll interval. A stop loses nothing: the
 * cursor and every escalation are in the database; a step claimed and not recorded goes again once
 * its claim runs out.
 */
final class EscalationJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);

  static final int BATCH = 200;

  /** The least time between two rounds that found less than a full batch. */
  static final long GATHER_MILLIS = 25;

  private final EscalationFollower follower;
  private final StepFiring firing;
  private final EscalationStore store;
  private final InstantSource clock;
  private final Duration pollInterval;
  private final Duration lease;
  private final boolean enabled;
  private final Semaphore wake = new Semaphore(0);
  private volatile @Nullable Thread thread;
  private volatile boolean running;

  /**
   * When the steps due are looked for next while the follower is idle ({@link System#nanoTime}).
   */
  private long nextClaim = System.nanoTime();

  EscalationJob(
      EscalationFollower follower,
      StepFiring firing,
      EscalationStore store,
      InstantSource clock,
      Duration pollInterval,
      Duration lease,
      boolean enabled) {
    this.follower = follower;
    this.firing = firing;
    this.store = store;
    this.clock = clock;
    this.pollInterval = pollInterval;
    this.lease = lease;
    this.enabled = enabled;
  }

  /** Looks soon: something was committed. */
  void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** One round: follows the feed, then fires what is due; answers how much work it found. */
  int runOnce() {
    int read = follower.followOnce(BATCH);
    long nanos = System.nanoTime();
    if (follower.idle() && nanos - nextClaim < 0) {
      // No escalation runs here, so none comes due with a commit: look with the poll only.
      return read;
    }
    nextClaim = nanos + pollInterval.toNanos();
    Instant now = clock.instant();
    List<Escalation> due = store.claimDue(now, now.plus(lease), BATCH);
    for (Escalation escalation : due) {
      try {
        firing.fire(escalation, now);
      } catch (RuntimeException e) {
        // Its claim runs out and it is tried again; the others go on.
        log.warn("Escalation {} step failed: {}", escalation.id(), e.getMessage(), e);
      }
    }
    return Math.max(read, due.size());
  }

  private void loop() {
    while (running) {
      try {
        if (runOnce() < BATCH) {
          // As the notification job does: a short pause gathers a busy writer's commits into one
          // round, so that following costs the store a few reads a second, not one per commit.
          Thread.sleep(GATHER_MILLIS);
          wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Escalation round failed; trying again: {}", e.getMessage(), e);
        try {
          Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void start() {
    if (running || !enabled) {
      return;
    }
    follower.startAtEndIfNew();
    running = true;
    thread = Thread.ofPlatform().name("klaxon-escalation").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    wake();
    Thread current = thread;
    if (current != null) {
      try {
        current.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops early in shutdown, beside the notification job (before the engine and the pool). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 4096;
  }
}
