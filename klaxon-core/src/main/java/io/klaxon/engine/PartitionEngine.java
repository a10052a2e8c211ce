package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
  private final EngineSettings settings;
  private final EngineMetrics metrics;
  private final ActiveIndex active = new ActiveIndex();
  private final Materializer materializer;
  private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
  private final Semaphore room;
  private final Thread writer;
  private final GroupCommit commit;

  /**
   * Runs the store's commits, so that the writer applies the next group meanwhile: one thread, so a
   * partition's commits stay in order.
   */
  private final ExecutorService committer;

  /**
   * Whether the writer hands its next commit to the committer: only when callers came while the
   * last one committed, for otherwise there is nothing to apply meanwhile, and the hand-over (two
   * thread wake-ups a commit) would only add to a lone caller's wait, as a cluster owner's that
   * submits one batch at a time. The writer's alone.
   */
  private boolean handOver;

  /**
   * Whether the store joins the partitions' commits ({@link AlertStore#joinsPartitionCommits}): the
   * writer then never hands over. Measured on PostgreSQL re-triggers, the partition writers and
   * committers spent 6.1-8.8 µs of CPU per re-trigger with hand-overs and 5.3-6.0 without
   * (BENCHMARKS.md, "i22g"); the other partitions' writers use the cores while one waits.
   */
  private final boolean commitsOnWriter;

  private volatile boolean closing;
  private volatile @Nullable Throwable broken;

  /**
   * Queued by {@link #stopTaking}: the writer stops when it reaches it, after all that came before.
   */
  private static final Submission CLOSE = new Submission(List.of(), new CompletableFuture<>());

  /** The answer of the markers that tell the writer a commit ended (see {@link InFlight}). */
  private static final CompletableFuture<List<CommandResult>> COMMITTED = new CompletableFuture<>();

  /**
   * Commands from one caller, and where to send their results.
   *
   * @param digests each trigger's {@link TriggerDigest}, by the command's index (null for other
   *     commands, or a trigger without one), computed on the caller's thread rather than the
   *     writer's; empty when none were computed
   */
  record Submission(
      List<? extends AlertCommand> commands,
      List<@Nullable TriggerDigest> digests,
      CompletableFuture<List<CommandResult>> answer) {

    Submission(
        List<? extends AlertCommand> commands, CompletableFuture<List<CommandResult>> answer) {
      this(commands, List.of(), answer);
    }

    /** The digest of the command at {@code index}, if it is a trigger that has one. */
    @Nullable TriggerDigest digest(int index) {
      return index < digests.size() ? digests.get(index) : null;
    }

    /** A caller's commands, with the digest of each trigger. */
    static Submission of(
        List<? extends AlertCommand> commands, CompletableFuture<List<CommandResult>> answer) {
      List<@Nullable TriggerDigest> digests = new ArrayList<>(commands.size());
      for (AlertCommand command : commands) {
        digests.add(
            command instanceof AlertCommand.Trigger trigger ? TriggerDigest.of(trigger) : null);
      }
      return new Submission(commands, Collections.unmodifiableList(digests), answer);
    }
  }

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
    this.settings = settings;
    this.metrics = metrics;
    this.room = new Semaphore(settings.queueCapacity());
    this.commitsOnWriter = this.store.joinsPartitionCommits();
    this.materializer = new Materializer(partition, settings.materializeEvery());
    this.commit =
        new GroupCommit(
            partition,
            this.store,
            materializer,
            clock,
            settings,
            metrics,
            active,
            ids,
            this::deletesSubject,
            listeners);
    this.committer =
        Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("klaxon-alert-committer-" + partition).daemon(true).factory());
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
    Submission submission = Submission.of(List.copyOf(commands), new CompletableFuture<>());
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
      if (!CLOSE.equals(late) && late.answer() != COMMITTED) { // CLOSE: equal only to itself
        late.answer().completeExceptionally(reason);
      }
    }
  }

  /**
   * A group whose commit is under way on the committer, its callers not yet answered; {@code
   * marker} is queued when the commit ends.
   */
  private record InFlight(
      List<Submission> group, int commands, GroupCommit.Attempt attempt, Submission marker) {}

  /**
   * The group gathering while another commits, applied as it comes over what that one changes;
   * {@code attempt} null when it is to be applied only once that one is settled.
   */
  private static final class Gathering {
    final List<Submission> group = new ArrayList<>();
    int commands;
    GroupCommit.@Nullable Attempt attempt;
  }

  /** Runs the writer; whatever ends it, the committer's thread ends with it. */
  private void writeLoop() {
    try {
      pipeline();
    } finally {
      committer.shutdown();
    }
  }

  /**
   * Takes groups and commits them one after another, and applies the callers that come while a
   * group commits in memory meanwhile, so that the writer's work and the store's commit (its fsync)
   * overlap; they form the next group. A group is started on the store only once the one before is
   * settled, and its callers answered only once it is durable. When the commit before fails, the
   * group applied over it is dropped unseen and applied again over memory as read again: nothing it
   * did is answered, published or counted twice.
   */
  @SuppressWarnings(
      "ReferenceEquality") // markers are told apart by identity: as records, all equal
  private void pipeline() {
    Submission carried = null;
    InFlight inFlight = null;
    Gathering gathering = null;
    while (true) {
      if (inFlight == null) {
        Submission first;
        try {
          first = carried != null ? carried : next();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        carried = null;
        if (first.answer() == COMMITTED) {
          continue; // the end of a commit already settled
        }
        if (CLOSE.equals(first)) {
          foldQuietly(); // shutdown drains: every re-trigger into the rows
          return;
        }
        List<Submission> group = new ArrayList<>();
        group.add(first);
        int commands = first.commands().size();
        Submission next;
        while (commands < settings.maxBatchCommands() && (next = queue.poll()) != null) {
          if (next.answer() == COMMITTED) {
            continue;
          }
          if (CLOSE.equals(next)
              || commands + next.commands().size() > settings.maxBatchCommands()) {
            carried = next;
            break;
          }
          group.add(next);
          commands += next.commands().size();
        }
        inFlight = launch(group, commands, commit.begin(group));
        if (broken != null) {
          return;
        }
        continue;
      }
      Submission next;
      if (carried != null) {
        next = carried;
        carried = null;
      } else {
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (next.answer() == COMMITTED && next != inFlight.marker()) {
        continue; // the end of a commit already settled
      }
      boolean full =
          gathering != null
              && gathering.commands + next.commands().size() > settings.maxBatchCommands();
      if (next == inFlight.marker() || CLOSE.equals(next) || full) {
        if (next != inFlight.marker()) {
          carried = next; // after the commit under way and the group gathered
        }
        if (gathering != null && gathering.attempt != null && inFlight.attempt().fails()) {
          gathering.attempt.discard(); // applied over changes that are not committed: never seen
          gathering.attempt = null;
        }
        List<Submission> waiting = gathering == null ? null : gathering.group;
        handOver = waiting != null && !commitsOnWriter;
        if (!settle(inFlight.group(), inFlight.commands(), inFlight.attempt(), waiting)) {
          return;
        }
        inFlight = null;
        if (gathering != null) {
          GroupCommit.Attempt applied =
              gathering.attempt != null ? gathering.attempt : commit.begin(gathering.group);
          inFlight = launch(gathering.group, gathering.commands, applied);
          gathering = null;
          if (broken != null) {
            return;
          }
        }
        if (materializer.due() || CLOSE.equals(carried)) {
          // The fold runs between commits only, never beside one.
          if (inFlight != null
              && !settle(inFlight.group(), inFlight.commands(), inFlight.attempt(), null)) {
            return;
          }
          inFlight = null;
          if (materializer.due()) {
            foldQuietly(); // also under a backlog that never lets the queue run dry
          }
        }
        continue;
      }
      if (gathering == null) {
        gathering = new Gathering();
        if (GroupCommit.pipelines(inFlight.group())) {
          gathering.attempt = commit.after(inFlight.attempt());
        }
      }
      gathering.group.add(next);
      gathering.commands += next.commands().size();
      GroupCommit.Attempt open = gathering.attempt;
      if (open != null) {
        if (!GroupCommit.pipelines(List.of(next))) {
          open.discard(); // applied once the group before is settled, over memory
          gathering.attempt = null;
        } else {
          try {
            open.add(next);
          } catch (RuntimeException notApplied) {
            gathering.attempt = null; // discarded: applied again once the group before is settled
          }
        }
      }
    }
  }

  /**
   * Starts committing a group applied in memory, on the committer or (see {@link #handOver}) here,
   * or commits it here and now when it could not be applied (a store away: the commit rides it
   * out); null when nothing is left under way.
   */
  private @Nullable InFlight launch(
      List<Submission> group, int commands, GroupCommit.@Nullable Attempt applied) {
    if (applied == null) {
      settle(group, commands, null, null);
      return null;
    }
    Submission marker = new Submission(List.of(), COMMITTED);
    applied.start(handOver ? committer : Runnable::run, () -> queue.add(marker));
    return new InFlight(group, commands, applied, marker);
  }

  /**
   * Commits a group, or finishes committing its attempt, and answers its callers; false when the
   * engine broke (an {@link Error}): every caller waiting, {@code alsoWaiting} too, is failed then.
   */
  private boolean settle(
      List<Submission> group,
      int commands,
      GroupCommit.@Nullable Attempt attempt,
      @Nullable List<Submission> alsoWaiting) {
    try {
      commit.run(group, attempt);
      return true;
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
        if (alsoWaiting != null) {
          alsoWaiting.forEach(s -> s.answer().completeExceptionally(failed));
          room.release(alsoWaiting.stream().mapToInt(s -> s.commands().size()).sum());
        }
        failQueued(failed);
        return false;
      }
      return true;
    } finally {
      if (broken == null) {
        room.release(commands);
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
