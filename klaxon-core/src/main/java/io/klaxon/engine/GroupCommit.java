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
import java.util.List;
import java.util.Optional;
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

  void run(List<PartitionEngine.Submission> group) {
    try {
      List<List<CommandResult>> results = commitWithRetry(group);
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

  private List<List<CommandResult>> commitWithRetry(List<PartitionEngine.Submission> group) {
    long deadline = System.nanoTime() + settings.retryFor().toNanos();
    Duration backoff = settings.firstBackoff();
    while (true) {
      long started = System.nanoTime();
      Batch batch = new Batch(memory, ids, deletesSubject, clock);
      List<List<CommandResult>> results = new ArrayList<>(group.size());
      int commands = 0;
      try {
        // Inside the try: a command may need the store before the commit (a block of alert
        // ids), and a store that is away then is ridden out like a failed commit, not taken
        // for that command's refusal.
        try {
          for (PartitionEngine.Submission submission : group) {
            List<CommandResult> mine = new ArrayList<>(submission.commands().size());
            for (AlertCommand command : submission.commands()) {
              mine.add(batch.apply(command));
            }
            commands += mine.size();
            results.add(mine);
          }
        } catch (Unavailable storeAway) {
          batch.giveBackIds();
          throw storeAway;
        }
        ChangeSet changes = expectingRowVersions(batch.changes());
        List<ChangeSet.AlertUpdate> retriggered = batch.retriggers();
        if (changes.isEmpty() && retriggered.isEmpty()) {
          // A purge of a subject whose row another partition deleted writes nothing here, but
          // its alerts leave this partition's memory all the same.
          active.forget(batch.purged());
          return results;
        }
        long entry;
        try {
          entry = store.commit(changes, new Retriggers(partition, retriggered));
        } catch (RuntimeException notCommitted) {
          batch.giveBackIds(); // a reload below moves past any that landed after all
          throw notCommitted;
        }
        materializer.written(changes);
        if (entry > 0) {
          materializer.logged(entry, retriggered);
        }
        active.forget(batch.purged());
        active.publish(
            batch.touched(),
            batch::countsOnly,
            batch.tallies(),
            Math.max(active.lastId(), batch.highestNewId()));
        metrics.committed(
            group.size(),
            commands,
            changes.created().size()
                + changes.updated().size()
                + (entry > 0 ? 0 : retriggered.size()),
            changes.history().size(),
            System.nanoTime() - started);
        notifyChanged(changes, retriggered);
        return results;
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
      }
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
        String fingerprint, AlertCommand.Trigger trigger, Instant occurredAt) {
      return active.retrigger(fingerprint, trigger, occurredAt);
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
