package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The engine of one partition: its active alerts in memory, a bounded queue, and one writer thread
 * that takes whatever has gathered (group commit), applies it as one batch and commits it in one
 * transaction; only then are the callers answered. Partitions share nothing but the store, the id
 * allocator and the listeners, so each commits on its own and can be loaded or dropped alone.
 *
 * <p>Between commits the same thread runs the partition's {@link Materializer}: pure re-triggers
 * are durable in the partition's log, and every {@link EngineSettings#materializeEvery} their
 * latest counts are folded into the alerts' rows. When folding falls behind by more than {@link
 * EngineSettings#maxMaterializerLag}, submissions are refused until it catches up; closing folds
 * everything.
 */
final class PartitionEngine {

  private final int partition;
  private final AlertStore store;
  private final InstantSource clock;
  private final EngineSettings settings;
  private final EngineMetrics metrics;
  private final AlertIds ids;
  private final List<Consumer<List<Alert>>> listeners;
  private final ActiveIndex active = new ActiveIndex();
  private final Materializer materializer;
  private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
  private final Semaphore room;
  private final Thread writer;
  private volatile boolean closing;
  private volatile @Nullable Throwable broken;

  /**
   * Queued by {@link #stopTaking}: the writer stops when it reaches it, after all that came before.
   */
  private static final Submission CLOSE = new Submission(List.of(), new CompletableFuture<>());

  /** Commands from one caller, and where to send their results. */
  record Submission(
      List<? extends AlertCommand> commands, CompletableFuture<List<CommandResult>> answer) {}

  private PartitionEngine(
      int partition,
      AlertStore store,
      InstantSource clock,
      EngineSettings settings,
      EngineMetrics metrics,
      AlertIds ids,
      List<Consumer<List<Alert>>> listeners) {
    this.partition = partition;
    this.store = new PartitionStore(store, partition);
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.ids = ids;
    this.listeners = listeners;
    this.room = new Semaphore(settings.queueCapacity());
    this.materializer = new Materializer(partition, settings.materializeEvery());
    this.writer =
        Thread.ofPlatform()
            .name("klaxon-alert-writer-" + partition)
            .daemon(true)
            .unstarted(this::writeLoop);
  }

  /** Loads the partition's active alerts from the store and starts its writer. */
  static PartitionEngine start(
      int partition,
      AlertStore store,
      InstantSource clock,
      EngineSettings settings,
      EngineMetrics metrics,
      AlertIds ids,
      List<Consumer<List<Alert>>> listeners) {
    PartitionEngine engine =
        new PartitionEngine(partition, store, clock, settings, metrics, ids, listeners);
    engine.active.reload(engine.store); // the store folds what a crash left in the log first
    engine.writer.start();
    return engine;
  }

  int partition() {
    return partition;
  }

  ActiveIndex active() {
    return active;
  }

  /**
   * Makes room for {@code size} commands, or says why not.
   *
   * @throws Unavailable when the engine is closed or broken, or its queue is full
   */
  void reserve(int size) {
    if (closing) {
      Throwable cause = broken;
      throw cause == null
          ? new Unavailable("the alert engine is shutting down")
          : new Unavailable(
              "the alert engine failed with an error and takes no more writes; retrying does"
                  + " not help: close it (or its AlertManager) and open a new one: "
                  + cause,
              cause);
    }
    long lag = materializer.lagNanos();
    if (lag > settings.maxMaterializerLag().toNanos()) {
      metrics.rejected(size);
      throw new Unavailable(
          "the materializer is "
              + lag / 1_000_000
              + " ms behind the re-trigger log (more than klaxon.engine.max-materializer-lag);"
              + " retry shortly");
    }
    if (!room.tryAcquire(size)) {
      metrics.rejected(size);
      throw new Unavailable("the write queue is full; retry shortly");
    }
  }

  /** Gives back room {@link #reserve reserved} for commands that will not be queued after all. */
  void unreserve(int size) {
    room.release(size);
  }

  /** Queues commands for which room was {@link #reserve reserved}. */
  CompletableFuture<List<CommandResult>> enqueue(List<? extends AlertCommand> commands) {
    Submission submission = new Submission(List.copyOf(commands), new CompletableFuture<>());
    queue.add(submission);
    return submission.answer();
  }

  /**
   * Whether a purge of the subject deletes its row here: in the subject's own partition, which a
   * purge reaches first (the cascade takes the subject's alerts in every partition).
   */
  private boolean deletesSubject(ChangeSet.SubjectRef subject) {
    return store.partitioning().ofSubject(subject.type(), subject.key()) == partition;
  }

  boolean isWorking() {
    return broken == null && writer.isAlive() && !closing;
  }

  /** How old the oldest re-trigger not yet folded into the rows is, in nanoseconds; 0 when none. */
  long materializerLagNanos() {
    return materializer.lagNanos();
  }

  int queueDepth() {
    return settings.queueCapacity() - room.availablePermits();
  }

  /** Stops taking commands; the writer commits everything already queued, then stops. */
  void stopTaking() {
    if (closing) {
      return;
    }
    closing = true;
    queue.add(CLOSE);
  }

  /** Waits for the writer to drain its queue and stop (after {@link #stopTaking}). */
  void awaitStopped() {
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    // A submission that slipped in after the writer's last look is refused, not left hanging.
    failQueued(new Unavailable("the alert engine is shutting down"));
  }

  private void failQueued(Unavailable reason) {
    Submission late;
    while ((late = queue.poll()) != null) {
      if (!CLOSE.equals(late)) { // equal only to itself: its answer is its own
        late.answer().completeExceptionally(reason);
      }
    }
  }

  private void writeLoop() {
    Submission carried = null;
    while (true) {
      Submission first;
      try {
        first = carried != null ? carried : next();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      carried = null;
      if (CLOSE.equals(first)) {
        foldQuietly(); // shutdown drains: every re-trigger into the rows
        return;
      }
      List<Submission> group = new ArrayList<>();
      group.add(first);
      int commands = first.commands().size();
      boolean closeAfter = false;
      Submission next;
      while (commands < settings.maxBatchCommands() && (next = queue.poll()) != null) {
        if (CLOSE.equals(next)) {
          closeAfter = true;
          break;
        }
        if (commands + next.commands().size() > settings.maxBatchCommands()) {
          carried = next;
          break;
        }
        group.add(next);
        commands += next.commands().size();
      }
      try {
        new GroupCommit(
                partition,
                store,
                materializer,
                clock,
                settings,
                metrics,
                active,
                ids,
                this::deletesSubject,
                listeners)
            .run(group);
      } catch (RuntimeException | Error e) {
        // Whatever broke, no caller may wait forever: fail this group, and after an Error
        // (out of memory) stop taking writes so that health checks see a broken engine.
        Unavailable failed = new Unavailable("the alert engine failed: " + e, e);
        if (e instanceof Error) {
          broken = e;
          closing = true;
        }
        group.forEach(s -> s.answer().completeExceptionally(failed));
        if (e instanceof Error) {
          room.release(commands);
          failQueued(failed);
          return;
        }
      } finally {
        if (broken == null) {
          room.release(commands);
        }
      }
      if (materializer.due()) {
        foldQuietly(); // also under a backlog that never lets the queue run dry
      }
      if (closeAfter) {
        carried = CLOSE;
      }
    }
  }

  /** The next submission, folding the log whenever that is due while waiting for it. */
  private Submission next() throws InterruptedException {
    while (true) {
      if (materializer.due()) {
        foldQuietly();
      }
      if (!materializer.pending()) {
        return queue.take();
      }
      Submission next = queue.poll(materializer.nanosUntilDue(), TimeUnit.NANOSECONDS);
      if (next != null) {
        return next;
      }
    }
  }

  /** Folds the log into the rows; when the store cannot, the log keeps it and a later try will. */
  private void foldQuietly() {
    try {
      materializer.fold(store, active);
    } catch (RuntimeException e) {
      materializer.retryAfter(settings.maxBackoff());
      System.getLogger(AlertEngine.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "the materializer could not fold partition " + partition + "'s log; it retries",
              e);
    }
  }
}
