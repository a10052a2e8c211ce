package io.klaxon.engine;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.Partitioning;
import io.klaxon.alert.Transition;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one write path for alerts. It is split into the store's partitions ({@link
 * AlertStore#partitioning()}): each keeps its active alerts in memory by fingerprint, so that
 * de-duplication needs no read, and has its own queue and writer thread that commits whatever has
 * gathered in one transaction (group commit); only then are the callers answered. Commands go to
 * the partition of their alert, so a partition's commits are ordered while partitions commit side
 * by side.
 */
public final class AlertEngine implements AutoCloseable {

  private final Partitioning partitioning;
  private final EngineSettings settings;
  private final List<PartitionEngine> partitions;
  private final List<Consumer<List<Alert>>> committedListeners = new CopyOnWriteArrayList<>();
  private final @Nullable CommandRouting routing;
  private volatile boolean closed;

  /** The id allocator this engine made for itself, returned to the store on close; else null. */
  private volatile @Nullable AlertIds ownIds;

  /** Cluster mode: where commands go instead; this engine then has no partition of its own. */
  private final @Nullable CommandRoute route;

  private AlertEngine(
      AlertStore store,
      InstantSource clock,
      EngineSettings settings,
      EngineMetrics metrics,
      AlertIds ids) {
    this.route = null;
    this.partitioning = store.partitioning();
    this.settings = settings;
    List<PartitionEngine> started = new ArrayList<>(partitioning.count());
    try {
      for (int p = 0; p < partitioning.count(); p++) {
        started.add(
            PartitionEngine.start(p, store, clock, settings, metrics, ids, committedListeners));
      }
    } catch (RuntimeException e) {
      started.forEach(PartitionEngine::stopTaking);
      started.forEach(PartitionEngine::awaitStopped);
      throw e;
    }
    this.partitions = List.copyOf(started);
    this.routing = new CommandRouting(partitioning, partitions, store);
  }

  private AlertEngine(Partitioning partitioning, EngineSettings settings, CommandRoute route) {
    this.route = route;
    this.partitioning = partitioning;
    this.settings = settings;
    this.partitions = List.of();
    this.routing = null;
  }

  /**
   * An engine that applies nothing itself: every call goes to {@code route} (cluster mode, where
   * each partition's owner applies its commands). Its callers see the same API.
   */
  public static AlertEngine routed(AlertStore store, CommandRoute route) {
    return new AlertEngine(store.partitioning(), EngineSettings.defaults(), route);
  }

  /** Loads the active alerts from the store and starts the writers, with default settings. */
  public static AlertEngine start(AlertStore store, InstantSource clock) {
    return start(store, clock, EngineSettings.defaults(), EngineMetrics.NONE);
  }

  /**
   * Loads the active alerts from the store and starts one writer per partition; new alerts take
   * their ids from the store's counter in blocks where it keeps one, else after its largest.
   */
  public static AlertEngine start(
      AlertStore store, InstantSource clock, EngineSettings settings, EngineMetrics metrics) {
    AlertIds ids =
        store
            .idBlocks()
            .map(AlertIds::inBlocks)
            .orElseGet(() -> AlertIds.after(store.maxAlertId()));
    AlertEngine engine = start(store, clock, settings, metrics, ids);
    engine.ownIds = ids;
    return engine;
  }

  /**
   * Loads the active alerts from the store and starts the writers, taking new ids from {@code ids}.
   */
  public static AlertEngine start(
      AlertStore store,
      InstantSource clock,
      EngineSettings settings,
      EngineMetrics metrics,
      AlertIds ids) {
    return new AlertEngine(store, clock, settings, metrics, ids);
  }

  /**
   * Queues commands to be applied in order and committed together with whatever else is waiting. A
   * command that is refused (unknown alert, refused transition) fails alone. Commands go to the
   * partition of their alert; what spans partitions (a purge) goes to each. The commands of one
   * partition commit together; with several partitions, each commits its share on its own.
   *
   * @return completes with one result per command, in order, once they are committed; or
   *     exceptionally with {@link Unavailable} when they could not be
   * @throws Unavailable at once when a queue is full or the engine is closed
   */
  public CompletableFuture<List<CommandResult>> submit(List<? extends AlertCommand> commands) {
    if (commands.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    if (route != null) {
      return route.submit(commands);
    }
    int size = commands.size();
    if (size > settings.queueCapacity()) {
      throw new Unavailable("a request of " + size + " commands is larger than the write queue");
    }
    if (partitions.size() == 1) {
      PartitionEngine only = partitions.getFirst();
      only.reserve(size);
      return only.enqueue(commands);
    }
    return Objects.requireNonNull(routing).submit(commands);
  }

  /**
   * Applies commands and waits until they are committed.
   *
   * @return one result per command, in the order given
   * @throws Unavailable when they could not be committed; then none of them applied in the
   *     partition that could not commit
   */
  public List<CommandResult> apply(List<? extends AlertCommand> commands) {
    return joined(submit(commands));
  }

  /**
   * Applies commands as {@link #apply} does, for a caller that needs only their outcomes: in a
   * cluster, the results of alerts another instance owns come without the alert, which is then not
   * read back from the database. One instance answers as {@link #apply} does.
   */
  public List<CommandResult> applyForOutcomes(List<? extends AlertCommand> commands) {
    if (route == null || commands.isEmpty()) {
      return apply(commands);
    }
    return joined(route.submitForOutcomes(commands));
  }

  private static List<CommandResult> joined(CompletableFuture<List<CommandResult>> submitted) {
    try {
      return submitted.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof KlaxonException refusal) {
        throw refusal;
      }
      throw e;
    }
  }

  /**
   * Applies one command and waits until it is committed.
   *
   * @return the result; its alert is null only when nothing was found to change
   * @throws KlaxonException when the command was refused or could not be committed
   */
  public CommandResult apply(AlertCommand command) {
    CommandResult result = apply(List.of(command)).getFirst();
    if (result.refusal() != null) {
      throw result.refusal();
    }
    return result;
  }

  /**
   * Registers a listener called after each commit that changed alerts, with the alerts it created
   * or changed as committed (purged alerts are not included), before the callers of that commit are
   * answered. It is called on the committing partition's writer thread, so calls for different
   * partitions may overlap: it must be thread-safe, and quick, since the writer waits for it; an
   * exception it throws is logged and does not affect the commit or the other listeners.
   */
  public void onCommitted(Consumer<List<Alert>> listener) {
    if (route != null) {
      route.onCommitted(listener);
      return;
    }
    committedListeners.add(listener);
  }

  /** The active alert for a fingerprint, as last committed. */
  public Optional<Alert> active(String fingerprint) {
    if (route != null) {
      return route.active(fingerprint);
    }
    return partitions.get(partitioning.of(fingerprint)).active().byFingerprint(fingerprint);
  }

  /**
   * Every active alert as last committed, in no order: a copy, read from memory (jobs that look at
   * every active alert each second must not read them from the store). In cluster mode, those of
   * the partitions this instance owns: the jobs that read them run in each partition's owner.
   */
  public List<Alert> activeAlerts() {
    if (route != null) {
      return route.activeAlerts();
    }
    List<Alert> all = new ArrayList<>(activeCount());
    for (PartitionEngine partition : partitions) {
      all.addAll(partition.active().all());
    }
    return all;
  }

  /**
   * Visits every active alert as last committed, one at a time and in no order: what {@link
   * #activeAlerts} lists, for a job that keeps few of them. A list of every active alert, built
   * every few seconds, outlived young collections and died in the old generation (issue 22). In
   * cluster mode, those of the partitions this instance owns.
   */
  public void forEachActive(Consumer<? super Alert> action) {
    if (route != null) {
      route.activeAlerts().forEach(action);
      return;
    }
    for (PartitionEngine partition : partitions) {
      partition.active().forEach(action);
    }
  }

  public int activeCount() {
    if (route != null) {
      return route.activeCount();
    }
    return partitions.stream().mapToInt(p -> p.active().size()).sum();
  }

  /** How the engine's alerts are spread over its partitions, as the store recorded. */
  public Partitioning partitioning() {
    return partitioning;
  }

  /**
   * Expires every active alert whose deadline ({@code expiresAt}, e.g. a match's kick-off) is at or
   * before {@code now}, through the same write path as every other change; each partition expires
   * at most one batch per call.
   *
   * @return how many alerts were expired
   * @throws Unavailable when the store could not commit; nothing was expired then in the partition
   *     that could not commit
   */
  public int expireDue(Instant now, Actor actor) {
    if (route != null) {
      return route.expireDue(now, actor);
    }
    List<CompletableFuture<List<CommandResult>>> answers = new ArrayList<>();
    for (PartitionEngine partition : partitions) {
      List<AlertCommand> expiries =
          partition.active().expiredBy(now).stream()
              .limit(settings.maxBatchCommands())
              .<AlertCommand>map(
                  alert ->
                      new AlertCommand.Change(
                          AlertRef.id(alert.id()), Transition.EXPIRE, actor, null, true))
              .toList();
      if (!expiries.isEmpty()) {
        partition.reserve(expiries.size());
        answers.add(partition.enqueue(expiries));
      }
    }
    int expired = 0;
    for (CompletableFuture<List<CommandResult>> answer : answers) {
      try {
        expired += (int) answer.join().stream().filter(r -> r.outcome() == Outcome.EXPIRED).count();
      } catch (CompletionException e) {
        if (e.getCause() instanceof KlaxonException refusal) {
          throw refusal;
        }
        throw e;
      }
    }
    return expired;
  }

  /**
   * Whether the engine can take writes: every partition's writer runs and has not died of an error
   * (such as running out of memory).
   */
  public boolean isWorking() {
    if (route != null) {
      return !closed && route.isWorking();
    }
    return !closed && partitions.stream().allMatch(PartitionEngine::isWorking);
  }

  /**
   * The alert as this engine last committed it: an active alert's row may lag behind pure
   * re-triggers that its partition's log holds (occurrences, lastSeenAt, version), so reads on this
   * instance take those from memory. Other alerts, and alerts this engine does not hold, are given
   * back as they are.
   */
  public Alert current(Alert stored) {
    if (route != null || !stored.isActive()) {
      return stored;
    }
    Alert mine =
        partitions
            .get(partitioning.of(stored.fingerprint()))
            .active()
            .byId(stored.id())
            .orElse(null);
    return mine != null && mine.version() > stored.version() ? mine : stored;
  }

  /** A page read from the store, with each alert {@link #current(Alert) as last committed}. */
  public AlertPage current(AlertPage page) {
    if (route != null || page.alerts().isEmpty()) {
      return page;
    }
    List<Alert> alerts = new ArrayList<>(page.alerts().size());
    page.alerts().forEach(alert -> alerts.add(current(alert)));
    return new AlertPage(alerts, page.total(), page.counts());
  }

  /**
   * How far the materializer lags behind the re-trigger log: the age of the oldest pure re-trigger
   * not yet folded into the alerts' rows, in seconds, the largest over the partitions; 0 when none.
   */
  public double materializerLagSeconds() {
    long lag = 0;
    for (PartitionEngine partition : partitions) {
      lag = Math.max(lag, partition.materializerLagNanos());
    }
    return lag / 1e9;
  }

  /** Commands waiting to be committed, in all partitions. */
  public int queueDepth() {
    return partitions.stream().mapToInt(PartitionEngine::queueDepth).sum();
  }

  /**
   * Stops taking commands, commits everything already queued in every partition, then stops the
   * writers.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    partitions.forEach(PartitionEngine::stopTaking);
    partitions.forEach(PartitionEngine::awaitStopped);
    AlertIds ids = ownIds;
    if (ids != null) {
      try {
        ids.close();
      } catch (RuntimeException storeDown) {
        // The ids stay spent: a gap, never a reuse.
      }
    }
  }
}
