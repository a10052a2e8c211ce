package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.SubjectRef;
import io.klaxon.store.ConcurrentChange;
import io.klaxon.store.Retriggers;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Commits the commands of several callers in one transaction. A store that is unavailable is
 * retried with back-off (memory re-read from the store before each try, since a failed commit may
 * have landed); a batch that fails for another reason is split so that only the caller whose
 * commands cannot be committed is failed. Pure re-triggers go to the partition's log in the same
 * transaction (log first), and the {@link Materializer} learns which rows now lag behind it.
 */
final class GroupCommit {

  private final int partition;
  private final AlertStore store;
  private final Materializer materializer;
  private final InstantSource clock;
  private final EngineSettings settings;
  private final EngineMetrics metrics;
  private final ActiveIndex active;
  private final AlertIds ids;
  private final Predicate<SubjectRef> deletesSubject;
  private final List<Consumer<List<Alert>>> listeners;
  private final CommittedAlerts memory = new Memory();

  GroupCommit(
      int partition,
      AlertStore store,
      Materializer materializer,
      InstantSource clock,
      EngineSettings settings,
      EngineMetrics metrics,
      ActiveIndex active,
      AlertIds ids,
      Predicate<SubjectRef> deletesSubject,
      List<Consumer<List<Alert>>> listeners) {
    this.partition = partition;
    this.store = store;
    this.materializer = materializer;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.active = active;
    this.ids = ids;
    this.deletesSubject = deletesSubject;
    this.listeners = listeners;
  }

  /** Commits a group and answers its callers. */
  void run(List<PartitionEngine.Submission> group) {
    run(group, null);
  }

  /**
   * Commits a group and answers its callers, starting from an attempt already applied and
   * committing ({@link #begin}), if any. Only this attempt's failure retries: a retry applies the
   * group again to memory read again from the store.
   */
  void run(List<PartitionEngine.Submission> group, @Nullable Attempt first) {
    try {
      List<List<CommandResult>> results = commitWithRetry(group, first);
      for (int i = 0; i < group.size(); i++) {
        group.get(i).answer().complete(results.get(i));
      }
    } catch (Unavailable | ConcurrentChange e) {
      fail(group, e);
    } catch (RuntimeException e) {
      if (group.size() > 1) {
        for (PartitionEngine.Submission alone : group) {
          run(List.of(alone));
        }
      } else {
        fail(group, e);
      }
    }
  }

  /**
   * Applies a group in memory over memory as it stands, without committing it: {@link
   * Attempt#start} does, and {@link #run(List, Attempt)} answers its callers once it is durable.
   * Null when the group could not be applied (a store away for a block of ids): {@link #run(List)}
   * then rides that out.
   */
  @Nullable Attempt begin(List<PartitionEngine.Submission> group) {
    try {
      return apply(group, memory);
    } catch (RuntimeException notApplied) {
      return null;
    }
  }

  /**
   * An attempt with nothing applied yet, over the alerts as they stand once {@code before} has
   * committed: submissions are {@link Attempt#add added} as they come while {@code before} commits.
   */
  Attempt after(Attempt before) {
    return new Attempt(new Batch(before.view(), ids, deletesSubject, clock));
  }

  /**
   * Whether a group may be applied while the group before it commits: purges and deletes read and
   * drop what memory holds of other alerts, so they are applied only over settled memory.
   */
  static boolean pipelines(List<PartitionEngine.Submission> group) {
    for (PartitionEngine.Submission submission : group) {
      for (AlertCommand command : submission.commands()) {
        if (command instanceof AlertCommand.Purge || command instanceof AlertCommand.Delete) {
          return false;
        }
      }
    }
    return true;
  }

  private List<List<CommandResult>> commitWithRetry(
      List<PartitionEngine.Submission> group, @Nullable Attempt first) {
    long deadline = System.nanoTime() + settings.retryFor().toNanos();
    Duration backoff = settings.firstBackoff();
    Attempt attempt = first;
    while (true) {
      try {
        if (attempt == null) {
          attempt = apply(group, memory);
          attempt.start(Runnable::run); // retries commit on the writer's own thread
        }
        return attempt.finish();
      } catch (ConcurrentChange e) {
        // Another writer moved an alert under us: our memory is stale, so read it again.
        reloadQuietly();
        throw e;
      } catch (Unavailable e) {
        if (System.nanoTime() + backoff.toNanos() > deadline) {
          reloadQuietly();
          throw e;
        }
        metrics.retried(e);
        pause(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                ? settings.maxBackoff()
                : backoff.multipliedBy(2);
        reloadQuietly();
        attempt = null;
      }
    }
  }

  /** Applies a group's commands to a new batch over {@code over}. */
  private Attempt apply(List<PartitionEngine.Submission> group, CommittedAlerts over) {
    Attempt attempt = new Attempt(new Batch(over, ids, deletesSubject, clock));
    for (PartitionEngine.Submission submission : group) {
      attempt.add(submission);
    }
    return attempt;
  }

  /**
   * One group applied in memory (not yet published: readers do not see it) and its commit, under
   * way on a committer or done. Its results are handed out only once the commit is durable.
   */
  final class Attempt {

    private final Batch batch;
    private final List<List<CommandResult>> results = new ArrayList<>();
    private int commands;
    private final long started = System.nanoTime();
    private @Nullable ChangeSet changes;
    private List<ChangeSet.AlertUpdate> retriggered = List.of();

    /** The log entry the commit wrote (0 when none); null when there was nothing to write. */
    private @Nullable CompletableFuture<Long> entry;

    /** The view of the alerts as this attempt leaves them, for the attempt after it. */
    private final Overlay view;

    private Attempt(Batch batch) {
      this.batch = batch;
      this.view = new Overlay(batch);
    }

    /**
     * Applies a caller's commands. A command may need the store before the commit (a block of alert
     * ids): a store that is away then is ridden out like a failed commit, not taken for that
     * command's refusal.
     *
     * @throws RuntimeException when they could not be applied; the attempt is discarded then
     */
    void add(PartitionEngine.Submission submission) {
      List<CommandResult> mine = new ArrayList<>(submission.commands().size());
      try {
        List<? extends AlertCommand> commands = submission.commands();
        for (int i = 0; i < commands.size(); i++) {
          mine.add(batch.apply(commands.get(i), submission.digest(i)));
        }
      } catch (RuntimeException notApplied) {
        discard();
        throw notApplied;
      }
      commands += mine.size();
      results.add(mine);
    }

    CommittedAlerts view() {
      return view;
    }

    /**
     * Starts the commit on {@code committer}: the row versions expected are read now, so only once
     * the attempt before is settled; from here until {@link #run(List, Attempt)} memory must not
     * move.
     */
    void start(Executor committer) {
      start(committer, () -> {});
    }

    /** As {@link #start(Executor)}, running {@code ended} once the commit ended, however. */
    void start(Executor committer, Runnable ended) {
      changes = expectingRowVersions(batch.changes());
      retriggered = batch.retriggers();
      if (changes.isEmpty() && retriggered.isEmpty()) {
        ended.run();
        return;
      }
      ChangeSet writing = changes;
      Retriggers logging = new Retriggers(partition, retriggered);
      // What the commit throws is read from the entry by finish(), not from this hook's future.
      entry =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return store.commit(writing, logging);
                } finally {
                  ended.run();
                }
              },
              committer);
    }

    /** Whether the commit failed, waiting for it to end. */
    boolean fails() {
      CompletableFuture<Long> pending = entry;
      if (pending == null) {
        return false;
      }
      try {
        pending.join();
        return false;
      } catch (CompletionException | CancellationException notCommitted) {
        return true;
      }
    }

    /** Gives back what the attempt took, for it will never be committed. */
    void discard() {
      view.settled();
      batch.giveBackIds();
    }

    /**
     * Waits for the commit, then publishes it to memory and tells the listeners; the results.
     *
     * @throws RuntimeException what the commit threw, after giving back the ids
     */
    private List<List<CommandResult>> finish() {
      view.settled(); // published below or never: the attempt after reads memory from here on
      CompletableFuture<Long> pending = entry;
      if (pending == null) {
        // A purge of a subject whose row another partition deleted writes nothing here, but
        // its alerts leave this partition's memory all the same.
        active.forget(batch.purged());
        return results;
      }
      long logged;
      try {
        logged = pending.join();
      } catch (CompletionException | CancellationException notCommitted) {
        batch.giveBackIds(); // a reload moves past any that landed after all
        Throwable cause = notCommitted.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw notCommitted;
      }
      ChangeSet changes = Objects.requireNonNull(this.changes);
      materializer.written(changes);
      if (logged > 0) {
        materializer.logged(logged, retriggered);
      }
      active.forget(batch.purged());
      active.publish(
          batch.touched(),
          batch::countsOnly,
          batch.tallies(),
          Math.max(active.lastId(), batch.highestNewId()));
      metrics.committed(
          results.size(),
          commands,
          changes.created().size()
              + changes.updated().size()
              + (logged > 0 ? 0 : retriggered.size()),
          changes.history().size(),
          System.nanoTime() - started);
      notifyChanged(changes, retriggered);
      return results;
    }
  }

  /**
   * The alerts as they stand once a batch still committing has committed: its own changes laid over
   * memory. Once the batch is settled (published, or failed and so never to be seen) it reads
   * memory alone, so that a chain of batches, each read through the one before, is not kept.
   */
  private final class Overlay implements CommittedAlerts {

    private @Nullable Batch committing;

    Overlay(Batch committing) {
      this.committing = committing;
    }

    void settled() {
      committing = null;
    }

    @Override
    public Optional<Alert> active(String fingerprint) {
      Batch batch = committing;
      if (batch != null && batch.decides(fingerprint)) {
        return Optional.ofNullable(batch.activeAfter(fingerprint));
      }
      return memory.active(fingerprint);
    }

    @Override
    public TriggerRules.@Nullable Retriggered retrigger(
        String fingerprint,
        AlertCommand.Trigger trigger,
        @Nullable TriggerDigest digest,
        Instant occurredAt) {
      Batch batch = committing;
      if (batch != null && batch.decides(fingerprint)) {
        Alert after = batch.activeAfter(fingerprint);
        return after == null ? null : TriggerRules.retrigger(after, trigger, occurredAt);
      }
      return memory.retrigger(fingerprint, trigger, digest, occurredAt);
    }

    @Override
    public Optional<Alert> byId(long id) {
      Batch batch = committing;
      Alert mine = batch == null ? null : batch.touched(id);
      return mine != null ? Optional.of(mine) : memory.byId(id);
    }

    @Override
    public List<Alert> ofSubject(SubjectRef subject) {
      Batch batch = committing;
      if (batch == null) {
        return memory.ofSubject(subject);
      }
      Map<Long, Alert> about = new LinkedHashMap<>();
      for (Alert held : memory.ofSubject(subject)) {
        about.put(held.id(), held);
      }
      for (Alert mine : batch.touched()) {
        about.remove(mine.id());
        if (mine.isActive() && subject.matches(mine)) {
          about.put(mine.id(), mine);
        }
      }
      return List.copyOf(about.values());
    }

    @Override
    public @Nullable RetriggerTally tally(long id) {
      Batch batch = committing;
      RetriggerTally mine = batch == null ? null : batch.tallies().get(id);
      return mine != null ? mine : memory.tally(id);
    }
  }

  /**
   * Tells the listeners of the alerts committed; only alerts that still exist, since a purge's
   * deletions are not changes a listener can show. A failing listener must never stop the writer.
   */
  private void notifyChanged(ChangeSet changes, List<ChangeSet.AlertUpdate> retriggered) {
    if (listeners.isEmpty()) {
      return;
    }
    int size = changes.created().size() + changes.updated().size() + retriggered.size();
    if (size == 0) {
      return;
    }
    // One copy per commit, handed over read-only: every listener gets the same list.
    List<Alert> changed = new ArrayList<>(size);
    changed.addAll(changes.created());
    for (ChangeSet.AlertUpdate update : changes.updated()) {
      changed.add(update.alert());
    }
    for (ChangeSet.AlertUpdate update : retriggered) {
      changed.add(update.alert());
    }
    List<Alert> committed = Collections.unmodifiableList(changed);
    for (Consumer<List<Alert>> listener : listeners) {
      try {
        listener.accept(committed);
      } catch (RuntimeException e) {
        System.getLogger(AlertEngine.class.getName())
            .log(System.Logger.Level.WARNING, "a commit listener failed; the commit stands", e);
      }
    }
  }

  /**
   * The change set with each update expecting the version its row holds, which is older than the
   * engine's memory where pure re-triggers since went to the log only.
   */
  private ChangeSet expectingRowVersions(ChangeSet changes) {
    if (changes.updated().isEmpty()) {
      return changes;
    }
    List<ChangeSet.AlertUpdate> updates = new ArrayList<>(changes.updated().size());
    for (ChangeSet.AlertUpdate update : changes.updated()) {
      long row = materializer.rowVersion(update.alert().id(), update.expectedVersion());
      updates.add(
          row == update.expectedVersion()
              ? update
              : new ChangeSet.AlertUpdate(update.alert(), row));
    }
    return new ChangeSet(
        changes.subjects(),
        changes.created(),
        updates,
        changes.history(),
        changes.purged(),
        changes.highestNewId(),
        changes.deleted());
  }

  /** The engine's memory, and the store for alerts no longer active. */
  private final class Memory implements CommittedAlerts {

    @Override
    public Optional<Alert> active(String fingerprint) {
      return active.byFingerprint(fingerprint);
    }

    @Override
    public TriggerRules.@Nullable Retriggered retrigger(
        String fingerprint,
        AlertCommand.Trigger trigger,
        @Nullable TriggerDigest digest,
        Instant occurredAt) {
      return active.retrigger(fingerprint, trigger, digest, occurredAt);
    }

    @Override
    public Optional<Alert> byId(long id) {
      Optional<Alert> mine = active.byId(id);
      return mine.isPresent() ? mine : store.findById(id);
    }

    @Override
    public List<Alert> ofSubject(SubjectRef subject) {
      return active.ofSubject(subject);
    }

    @Override
    public @Nullable RetriggerTally tally(long id) {
      return active.tally(id);
    }
  }

  /** A failed commit may still have landed; the store is the truth, so memory follows it. */
  private void reloadQuietly() {
    try {
      active.reload(store); // the store folds the partition's log first
      materializer.reset();
      ids.skipTo(active.lastId());
    } catch (RuntimeException stillDown) {
      // The next try reloads again; until one succeeds, nothing is published.
    }
  }

  private void fail(List<PartitionEngine.Submission> group, RuntimeException cause) {
    int commands = group.stream().mapToInt(s -> s.commands().size()).sum();
    metrics.failed(commands, cause);
    KlaxonException answer =
        cause instanceof Unavailable unavailable
            ? unavailable
            : new Unavailable(
                cause instanceof ConcurrentChange
                    ? "alerts changed outside this engine; retry the request"
                    : "the alert store could not commit: " + cause.getMessage(),
                cause);
    for (PartitionEngine.Submission submission : group) {
      submission.answer().completeExceptionally(answer);
    }
  }

  private static void pause(Duration backoff) {
    long jittered = (long) (backoff.toNanos() * (0.5 + ThreadLocalRandom.current().nextDouble()));
    try {
      Thread.sleep(Duration.ofNanos(jittered));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
