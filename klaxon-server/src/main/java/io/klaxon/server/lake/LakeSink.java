package io.klaxon.server.lake;

import io.klaxon.jobs.JobLease;
import io.klaxon.jobs.JobLock;
import io.klaxon.lake.AlertChangeTable;
import io.klaxon.lake.Compaction;
import io.klaxon.store.AlertChange;
import io.klaxon.store.ChangeFeed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the change feed into the alert-change Delta table, on a thread of its own: it reads the
 * changes after the last position the table holds, appends them in batches (each commit records its
 * last position in the table, Delta's idempotent-writer {@code txn}), and so carries on after a
 * restart exactly where its last commit ended. Woken by the engine's commits, and by a poll for
 * commits it did not hear of (another instance's, or before it started).
 *
 * <p>In cluster mode every instance has a sink but one writes at a time: the one holding the
 * {@value #JOB} lease, renewed each round; another takes over once a holder that died lets it run
 * out, from the position the table holds.
 *
 * <p>At least once: a failed append is retried from the position the table holds, so a change is
 * never skipped; readers that must not count a change twice take one row per {@code (alert_id,
 * version)}.
 */
public final class LakeSink implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LakeSink.class);

  /** How far behind counts as a catch-up worth logging, in batches. */
  private static final int CATCH_UP_BATCHES = 2;

  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /** The lease of the one sink that writes, in cluster mode. */
  static final String JOB = "lake-sink";

  /** How long the lease lasts unless renewed: a dead writer's successor waits this long. */
  private static final Duration LEASE = Duration.ofMinutes(1);

  private final ChangeFeed feed;
  private final AlertChangeTable table;
  private final int batchSize;
  private final Duration pollInterval;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicLong position = new AtomicLong();
  private final AtomicLong lag = new AtomicLong();
  private final Counter rows;
  private final Counter commits;
  private final Counter failures;
  private final Timer commitTime;
  private final Thread worker;
  private final @Nullable JobLock lock;
  private volatile @Nullable JobLease lease;
  private volatile boolean closed;

  /**
   * @param lock the job leases in cluster mode, where one sink of several writes; null on one
   *     instance
   */
  LakeSink(
      ChangeFeed feed,
      AlertChangeTable table,
      int batchSize,
      Duration pollInterval,
      MeterRegistry registry,
      @Nullable JobLock lock) {
    this.lock = lock;
    this.feed = feed;
    this.table = table;
    this.batchSize = batchSize;
    this.pollInterval = pollInterval;
    this.position.set(table.lastPosition());
    Gauge.builder("klaxon.lake.position", position, AtomicLong::get)
        .description("feed position of the last change committed to the Delta table")
        .register(registry);
    Gauge.builder("klaxon.lake.lag", lag, AtomicLong::get)
        .description("changes committed to the store and not yet to the Delta table")
        .register(registry);
    rows =
        Counter.builder("klaxon.lake.rows").description("change rows appended").register(registry);
    commits =
        Counter.builder("klaxon.lake.commits")
            .description("Delta commits of the sink")
            .register(registry);
    failures =
        Counter.builder("klaxon.lake.failures")
            .description("appends that failed and will be retried")
            .register(registry);
    commitTime =
        Timer.builder("klaxon.lake.commit")
            .description("time to read and append one batch")
            .register(registry);
    this.worker = Thread.ofPlatform().name("klaxon-lake-sink").daemon().unstarted(this::run);
  }

  /** Starts copying, from the position the table holds. */
  void start() {
    log.info("Lake sink writing to the Delta table from feed position {}", position.get());
    worker.start();
  }

  /** Tells the sink that changes were committed; it reads them soon after. */
  void wake() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  /** The feed position the table holds. */
  public long position() {
    return position.get();
  }

  /** Merges the table's small files; appends wait meanwhile. */
  public Compaction compact() {
    Compaction compaction = table.compact();
    log.info(
        "Lake compaction: {} files before, {} after, {} rows rewritten in {} ms",
        compaction.filesBefore(),
        compaction.filesAfter(),
        compaction.rows(),
        compaction.took().toMillis());
    return compaction;
  }

  /** Stops after the batch under way; what is left is appended after the next start. */
  @Override
  public void close() {
    closed = true;
    wake.release();
    try {
      worker.join(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    JobLease held = lease;
    if (held != null && !worker.isAlive()) {
      held.close(); // another instance's sink takes over at once
    }
  }

  private void run() {
    CatchUp catchUp = null;
    while (!closed) {
      try {
        if (!holdsLease()) {
          idle(pollInterval);
          continue;
        }
        long newest = feed.lastPosition();
        lag.set(Math.max(0, newest - position.get()));
        if (catchUp == null && lag.get() > (long) batchSize * CATCH_UP_BATCHES) {
          catchUp = new CatchUp();
          log.info("Lake sink catching up: {} changes behind", lag.get());
        }
        int appended = appendOneBatch();
        if (catchUp != null) {
          catchUp.progress(appended, lag.get());
          if (appended < batchSize) {
            catchUp.done();
            catchUp = null;
          }
        }
        if (appended < batchSize) {
          idle(pollInterval);
        }
      } catch (RuntimeException e) {
        failures.increment();
        log.warn("Lake sink could not append; retrying in {}", pollInterval, e);
        resync();
        idle(pollInterval);
      }
    }
  }

  /**
   * Whether this sink may write now: always on one instance; in cluster mode while it holds the
   * lease (taken, or renewed, here). On taking it, the position is read from the table, which
   * another instance's sink may have moved on.
   */
  private boolean holdsLease() {
    if (lock == null) {
      return true;
    }
    JobLease held = lease;
    if (held != null && held.renew()) {
      return true;
    }
    JobLease taken = lock.tryAcquire(JOB, LEASE).orElse(null);
    lease = taken;
    if (taken == null) {
      return false;
    }
    position.set(table.lastPosition());
    log.info("Lake sink writing on this instance from feed position {}", position.get());
    return true;
  }

  /** Appends the next batch of changes; answers how many there were. */
  private int appendOneBatch() {
    long started = System.nanoTime();
    List<AlertChange> changes = feed.changesAfter(position.get(), batchSize);
    if (changes.isEmpty()) {
      lag.set(0);
      return 0;
    }
    table.append(changes);
    long last = changes.getLast().position();
    position.set(last);
    lag.set(Math.max(0, lag.get() - changes.size()));
    rows.increment(changes.size());
    commits.increment();
    commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    return changes.size();
  }

  /** After a failure, whether or not its commit landed: the table says where it got. */
  private void resync() {
    try {
      position.set(table.lastPosition());
    } catch (RuntimeException e) {
      log.debug("Lake table not readable either", e);
    }
  }

  private void idle(Duration duration) {
    try {
      wake.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS);
      wake.drainPermits();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  /** A long catch-up in progress, logged every {@link #PROGRESS_EVERY}. */
  private static final class CatchUp {
    private final long started = System.nanoTime();
    private long lastLog = started;
    private long appended;

    void progress(int rows, long behind) {
      appended += rows;
      if (System.nanoTime() - lastLog > PROGRESS_EVERY.toNanos()) {
        lastLog = System.nanoTime();
        log.info("Lake sink catching up: {} changes appended, {} to go", appended, behind);
      }
    }

    void done() {
      log.info(
          "Lake sink caught up: {} changes appended in {} s",
          appended,
          Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }
  }
}
