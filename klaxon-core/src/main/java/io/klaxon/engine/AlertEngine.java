package io.klaxon.engine;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Transition;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The one write path for alerts. It keeps the active alerts in memory by fingerprint, so that
 * de-duplication needs no read. Callers submit commands to a bounded queue; one writer thread takes
 * whatever has gathered (group commit), applies it as one batch and commits it in one transaction;
 * only then are the callers answered.
 */
public final class AlertEngine implements AutoCloseable {

  private final AlertStore store;
  private final InstantSource clock;
  private final EngineSettings settings;
  private final EngineMetrics metrics;
  private final ActiveIndex active = new ActiveIndex();
  private final LinkedBlockingQueue<Submission> queue = new LinkedBlockingQueue<>();
  private final Semaphore room;
  private final Thread writer;
  private final List<Consumer<List<Alert>>> committedListeners = new CopyOnWriteArrayList<>();
  private volatile boolean closing;
  private volatile @Nullable Throwable broken;

  /** Queued by {@link #close}: the writer stops when it reaches it, after all that came before. */
  private static final Submission CLOSE = new Submission(List.of(), new CompletableFuture<>());

  /** Commands from one caller, and where to send their results. */
  record Submission(
      List<? extends AlertCommand> commands, CompletableFuture<List<CommandResult>> answer) {}

  private AlertEngine(
      AlertStore store, InstantSource clock, EngineSettings settings, EngineMetrics metrics) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.room = new Semaphore(settings.queueCapacity());
    this.writer =
        Thread.ofPlatform().name("klaxon-alert-writer").daemon(true).unstarted(this::writeLoop);
  }

  /** Loads the active alerts from the store and starts the writer, with default settings. */
  public static AlertEngine start(AlertStore store, InstantSource clock) {
    return start(store, clock, EngineSettings.defaults(), EngineMetrics.NONE);
  }

  /** Loads the active alerts from the store and starts the writer. */
  public static AlertEngine start(
      AlertStore store, InstantSource clock, EngineSettings settings, EngineMetrics metrics) {
    AlertEngine engine = new AlertEngine(store, clock, settings, metrics);
    engine.active.reload(store);
    engine.writer.start();
    return engine;
  }

  /**
   * Queues commands to be applied in order and committed together with whatever else is waiting. A
   * command that is refused (unknown alert, refused transition) fails alone.
   *
   * @return completes with one result per command, in order, once they are committed; or
   *     exceptionally with {@link Unavailable} when they could not be
   * @throws Unavailable at once when the queue is full or the engine is closed
   */
  public CompletableFuture<List<CommandResult>> submit(List<? extends AlertCommand> commands) {
    if (commands.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    int size = commands.size();
    if (size > settings.queueCapacity()) {
      throw new Unavailable("a request of " + size + " commands is larger than the write queue");
    }
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
    if (!room.tryAcquire(size)) {
      metrics.rejected(size);
      throw new Unavailable("the write queue is full; retry shortly");
    }
    Submission submission = new Submission(List.copyOf(commands), new CompletableFuture<>());
    queue.add(submission);
    return submission.answer();
  }

  /**
   * Applies commands and waits until they are committed.
   *
   * @return one result per command, in the order given
   * @throws Unavailable when they could not be committed; then none of them applied
   */
  public List<CommandResult> apply(List<? extends AlertCommand> commands) {
    try {
      return submit(commands).join();
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
   * Registers a listener called on the writer thread after each commit that changed alerts, with
   * the alerts it created or changed as committed (purged alerts are not included), before the
   * callers of that commit are answered. It must be quick, since the writer waits for it; an
   * exception it throws is logged and does not affect the commit or the other listeners.
   */
  public void onCommitted(Consumer<List<Alert>> listener) {
    committedListeners.add(listener);
  }

  /** The active alert for a fingerprint, as last committed. */
  public Optional<Alert> active(String fingerprint) {
    return active.byFingerprint(fingerprint);
  }

  /**
   * Every active alert as last committed, in no order: a copy, read from memory (jobs that look at
   * every active alert each second must not read them from the store).
   */
  public List<Alert> activeAlerts() {
    return active.all();
  }

  public int activeCount() {
    return active.size();
  }

  /**
   * Expires every active alert whose deadline ({@code expiresAt}, e.g. a match's kick-off) is at or
   * before {@code now}, through the same write path as every other change.
   *
   * @return how many alerts were expired
   * @throws Unavailable when the store could not commit; nothing was expired then
   */
  public int expireDue(Instant now, Actor actor) {
    List<AlertCommand> expiries =
        active.expiredBy(now).stream()
            .limit(settings.maxBatchCommands())
            .<AlertCommand>map(
                alert ->
                    new AlertCommand.Change(
                        AlertRef.id(alert.id()), Transition.EXPIRE, actor, null, true))
            .toList();
    return (int) apply(expiries).stream().filter(r -> r.outcome() == Outcome.EXPIRED).count();
  }

  /**
   * Whether the engine can take writes: its writer runs and has not died of an error (such as
   * running out of memory).
   */
  public boolean isWorking() {
    return broken == null && writer.isAlive() && !closing;
  }

  /** Commands waiting to be committed. */
  public int queueDepth() {
    return settings.queueCapacity() - room.availablePermits();
  }

  /** Stops taking commands, commits everything already queued, then stops the writer. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    queue.add(CLOSE);
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
      if (late != CLOSE) {
        late.answer().completeExceptionally(reason);
      }
    }
  }

  private void writeLoop() {
    Submission carried = null;
    while (true) {
      Submission first;
      try {
        first = carried != null ? carried : queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      carried = null;
      if (first == CLOSE) {
        return;
      }
      List<Submission> group = new ArrayList<>();
      group.add(first);
      int commands = first.commands().size();
      boolean closeAfter = false;
      Submission next;
      while (commands < settings.maxBatchCommands() && (next = queue.poll()) != null) {
        if (next == CLOSE) {
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
        new GroupCommit(store, clock, settings, metrics, active, committedListeners).run(group);
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
      if (closeAfter) {
        carried = CLOSE;
      }
    }
  }
}
