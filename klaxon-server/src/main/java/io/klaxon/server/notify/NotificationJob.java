package io.klaxon.server.notify;

import io.klaxon.notify.Dispatcher;
import io.klaxon.notify.NotificationPlanner;
import io.klaxon.notify.NotificationStore;
import io.klaxon.store.AlertChange;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeFeed;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The one thread that turns the change feed into notifications and sends them: each round plans
 * the changes after the cursor (in one transaction with the cursor), plans the reminders that are
 * due, then dispatches what is due, and repeats while there is work. It sleeps until a commit
 * wakes it ({@code AlertEngine.onCommitted}), or for the poll interval (retries and group waits
 * come due with time). Stopped before the engine and the pool close; a stop loses nothing, the
 * outbox and the cursor are in the database.
 */
final class NotificationJob implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotificationJob.class);

  private final NotificationStore store;
  private final ChangeFeed feed;
  private final AlertStore alerts;
  private final NotifyConfig config;
  private final NotificationPlanner planner = new NotificationPlanner();
  private final Dispatcher dispatcher;
  private final InstantSource clock;
  private final NotifyProperties properties;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private volatile Thread thread;

  NotificationJob(
      NotificationStore store, ChangeFeed feed, AlertStore alerts, NotifyConfig config,
      Dispatcher dispatcher, InstantSource clock, NotifyProperties properties) {
    this.store = store;
    this.feed = feed;
    this.alerts = alerts;
    this.config = config;
    this.dispatcher = dispatcher;
    this.clock = clock;
    this.properties = properties;
  }

  /** Runs a round soon: something was committed, or a dead letter was retried. */
  void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /**
   * Plans every change after the cursor and the reminders due.
   *
   * @return how many changes were read
   */
  int planOnce() {
    long cursor = store.cursor();
    List<AlertChange> changes = feed.changesAfter(cursor, properties.batchSize());
    NotifyConfig.Snapshot snapshot = config.current();
    Instant now = clock.instant();
    if (!changes.isEmpty()) {
      store.plan(tx -> planner.plan(snapshot.routes(), changes, now, tx));
    }
    store.plan(
        tx -> planner.planRepeats(snapshot.routesByName(), alerts::findById, now, properties.batchSize(), tx));
    return changes.size();
  }

  /** Sends what is due; answers how many were claimed. */
  int dispatchOnce() {
    return properties.dispatch() ? dispatcher.dispatchDue(properties.batchSize()) : 0;
  }

  private void loop() {
    if (properties.dispatch()) {
      store.releaseClaims();
    }
    while (running) {
      try {
        boolean busy = planOnce() >= properties.batchSize();
        busy |= dispatchOnce() >= properties.batchSize();
        if (!busy) {
          wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wake.drainPermits();
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
      store.plan(tx -> {
        tx.advance(last);
        return null;
      });
    }
    running = true;
    thread = Thread.ofPlatform().name("klaxon-notify").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    Thread running = thread;
    if (running != null) {
      wake();
      try {
        running.join(properties.sendTimeout().toMillis() + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
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
