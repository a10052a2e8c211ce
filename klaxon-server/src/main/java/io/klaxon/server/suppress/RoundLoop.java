package io.klaxon.server.suppress;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread of a suppression job: it runs a round every interval, or at once when woken (a
 * silence, window or rule changed), and a failed round is logged and tried again next time.
 */
final class RoundLoop {

  private static final Logger log = LoggerFactory.getLogger(RoundLoop.class);

  private final String name;
  private final String what;
  private final Duration interval;
  private final Runnable round;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private volatile Thread thread = new Thread(() -> {});

  /**
   * @param name the thread's name
   * @param what what a round does, for the log line of a failed one
   */
  RoundLoop(String name, String what, Duration interval, Runnable round) {
    this.name = name;
    this.what = what;
    this.interval = interval;
    this.round = round;
  }

  /** Runs the next round now rather than at the end of the interval. */
  void wake() {
    wake.release();
  }

  void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
  }

  void stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean isRunning() {
    return running;
  }

  private void loop() {
    while (running) {
      try {
        round.run();
      } catch (RuntimeException e) {
        log.warn("{} failed; next in {}", what, interval, e);
      }
      try {
        if (wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS)) {
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
