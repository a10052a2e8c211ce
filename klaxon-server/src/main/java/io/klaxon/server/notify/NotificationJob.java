package io.klaxon.server.notify;

import io.klaxon.alert.Alert;
import io.klaxon.notify.Dispatcher;
import io.klaxon.notify.NotificationPlanner;
import io.klaxon.notify.NotificationStore;
import io.klaxon.store.AlertChange;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The two threads that turn the change feed into notifications and send them: the planner plans the
 * changes after the cursor (in one transaction with the cursor) and the reminders that are due,
 * woken by commits ({@code AlertEngine.onCommitted}); the dispatcher sends what is due, woken by
 * the planner. Both also look every poll interval (retries and group waits come due with time), and
 * keep going while they have full batches. Stopped before the engine and the pool close; a stop
 * loses nothing, the outbox and the cursor are in the database.
 */
final class NotificationJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotificationJob.class);

  /** The least time between two rounds that found less than a full batch. */
  static final long GATHER_MILLIS = 25;

  /** How often the cursor follows the feed while no route exists. */
  static final Duration IDLE_ADVANCE = Duration.ofSeconds(5);

  private final NotificationStore store;
  private final ChangeFeed feed;
  private final AlertStore alerts;
  private final NotifyConfig config;
  private final NotificationPlanner planner;
  private final Dispatcher dispatcher;
  private final InstantSource clock;
  private final NotifyProperties properties;
  private final Semaphore planWake = new Semaphore(0);

  /** When the cursor last looked at the feed with no route ({@link System#nanoTime}), 0: never. */
  private long idleAdvanced;

  private final Semaphore dispatchWake = new Semaphore(0);
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  // Rounds finished, for anyone who must know that the job looked (and found nothing to do).
  private final AtomicLong planRounds = new AtomicLong();
  private final AtomicLong dispatchRounds = new AtomicLong();
  private volatile boolean running;

  NotificationJob(
      NotificationStore store,
      ChangeFeed feed,
      AlertStore alerts,
      NotifyConfig config,
      Dispatcher dispatcher,
      InstantSource clock,
      NotifyProperties properties,
      Predicate<Alert> heldNow) {
    this.planner = new NotificationPlanner(() -> UUID.randomUUID().toString(), heldNow);
    this.store = store;
    this.feed = feed;
    this.alerts = alerts;
    this.config = config;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.properties = properties;
  }

  /** Plans soon: something was committed. */
  void wake() {
    release(planWake);
  }

  /** Dispatches soon: something was planned, or a dead letter retried. */
  void wakeDispatcher() {
    release(dispatchWake);
  }

  /** Planning rounds finished since start. */
  long planRounds() {
    return planRounds.get();
  }

  /** Sending rounds finished since start. */
  long dispatchRounds() {
    return dispatchRounds.get();
  }

  private static void release(Semaphore semaphore) {
    if (semaphore.availablePermits() == 0) {
      semaphore.release();
    }
  }

  /**
   * Plans every change after the cursor and the reminders due.
   *
   * @return how many changes were read
   */
  int planOnce() {
    if (config.current().routes().isEmpty()) {
      advanceWithNoRoute();
      return 0;
    }
    long cursor = store.cursor();
    NotifyConfig.Snapshot snapshot = config.current();
    Instant now = clock.instant();
    List<AlertChange> changes = feed.changesAfter(cursor, properties.batchSize());
    // New changes and due reminders in one transaction: on SQLite each is a turn of the one
    // write lock that the alert writer waits for too.
    int planned =
        store.plan(
            tx ->
                (changes.isEmpty() ? 0 : planner.plan(snapshot.routes(), changes, now, tx))
                    + planner.planRepeats(
                        snapshot.routesByName(),
                        alerts::findById,
                        now,
                        properties.batchSize(),
                        tx));
    if (planned > 0) {
      wakeDispatcher();
    }
    return changes.size();
  }

  /**
   * Nothing can notify: the cursor skips to the feed's end without reading it (a route added later
   * notifies what comes after it, give or take {@link #IDLE_ADVANCE}). Within {@link #IDLE_ADVANCE}
   * of the last look it does not even read the store: pure re-triggers add no change to the feed,
   * and on SQLite each advance is a write transaction that would queue behind, and slow, the alert
   * writer.
   */
  private void advanceWithNoRoute() {
    // Wall time, not the clock of alerts: this paces database reads and writes.
    long nanos = System.nanoTime();
    if (idleAdvanced != 0 && nanos - idleAdvanced < IDLE_ADVANCE.toNanos()) {
      return;
    }
    // The feed's end before the routes: a change after it is planned with the routes of then.
    long last = feed.lastPosition();
    if (!config.current().routes().isEmpty()) {
      return; // a route came meanwhile: the next round plans from the cursor
    }
    if (last > store.cursor()) {
      store.<@Nullable Void>plan(
          tx -> {
            tx.advance(last);
            return null;
          });
    }
    idleAdvanced = nanos;
  }

  /** Sends what is due; answers how many were claimed. */
  int dispatchOnce() {
    return dispatcher.dispatchDue(properties.batchSize());
  }

  /**
   * Runs {@code round} while it has a full batch of work, then sleeps until woken or the poll
   * interval has passed. Planning and sending run on threads of their own, so that a slow receiver
   * does not hold back planning, nor planning the sends.
   */
  private void loop(IntSupplier round, Semaphore wakeUp, AtomicLong finished) {
    while (running) {
      try {
        int done = round.getAsInt();
        finished.incrementAndGet();
        if (done < properties.batchSize()) {
          // A short pause first gathers the commits of a busy writer into one round, so that
          // notifications cost the store a few transactions a second, not one per commit.
          Thread.sleep(GATHER_MILLIS);
          wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUp.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Notification round failed; trying again: {}", e.getMessage(), e);
        try {
          Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void start() {
    if (running || !properties.enabled()) {
      return;
    }
    if (store.cursor() == 0) {
      // A new installation starts at the feed's end: the alerts of the past notify nobody.
      long last = feed.lastPosition();
      store.<@Nullable Void>plan(
          tx -> {
            tx.advance(last);
            return null;
          });
    }
    running = true;
    threads.add(
        Thread.ofPlatform()
            .name("klaxon-notify-plan")
            .daemon()
            .start(() -> loop(this::planOnce, planWake, planRounds)));
    if (properties.dispatch()) {
      store.releaseClaims();
      threads.add(
          Thread.ofPlatform()
              .name("klaxon-notify-send")
              .daemon()
              .start(() -> loop(this::dispatchOnce, dispatchWake, dispatchRounds)));
    }
  }

  @Override
  public void stop() {
    running = false;
    wake();
    wakeDispatcher();
    for (Thread thread : threads) {
      try {
        thread.join(properties.sendTimeout().toMillis() + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops early in shutdown (after the web server, before the engine and the pool). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 4096;
  }
}
