package io.klaxon.embed;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Transition;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.detect.decisions.DecisionMapper;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Klaxon's alerts for a program that embeds it: raise alerts from trading decisions, move them
 * through their lifecycle, query them and hear of every change, asynchronously, over any {@link
 * AlertStore} and through the same {@link AlertEngine} as the server.
 *
 * <p>Every method answers at once with a future. Writes complete once committed to the store;
 * refusals fail the future with the core's exceptions ({@link NotFound}, {@link
 * io.klaxon.problem.TransitionRefused}, {@link io.klaxon.problem.InvalidInput}, {@link
 * Unavailable}), never thrown from the call itself. Futures complete on the manager's own virtual
 * threads, never on the engine's writer, so a caller's continuation may block without stalling
 * other writes. Thread-safe.
 */
public final class AlertManager implements AutoCloseable {

  /** Who the alerts' history records as the actor of changes made through this API. */
  public static final String ACTOR = "alert-manager";

  private final AlertStore store;
  private final AlertEngine engine;
  private final ExecutorService workers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("klaxon-manager-", 0).factory());
  private final ChangeListeners listeners = new ChangeListeners();
  private final Gathering gathering;
  private volatile boolean closed;

  private AlertManager(AlertStore store, AlertEngine engine, Duration linger) {
    this.store = store;
    this.engine = engine;
    this.gathering = new Gathering(engine, linger);
  }

  /**
   * Starts an engine over the store (loading its active alerts) and a manager around it; every
   * write goes to the engine at once (no linger).
   *
   * @throws Unavailable when the store cannot be read
   */
  public static AlertManager open(AlertStore store, InstantSource clock) {
    return open(store, clock, Duration.ZERO);
  }

  /**
   * Starts an engine over the store and a manager around it that holds each write for {@code
   * linger} (a few milliseconds) so that writes of concurrent callers share one commit: worth it
   * where a commit costs much more than an alert (Delta Lake), not on a database.
   *
   * @throws Unavailable when the store cannot be read
   * @throws IllegalArgumentException for a negative linger
   */
  public static AlertManager open(AlertStore store, InstantSource clock, Duration linger) {
    AlertEngine engine = AlertEngine.start(store, clock);
    AlertManager manager = new AlertManager(store, engine, linger);
    manager.engine.onCommitted(manager.listeners::publish);
    return manager;
  }

  /**
   * Raises (or re-triggers) the alert for a decision, as {@link DecisionMapper} maps it.
   *
   * @return the alert as committed; empty, at once, for a HOLD
   */
  public CompletableFuture<Optional<Alert>> createAlert(Decision decision) {
    Optional<AlertCommand.Trigger> trigger;
    try {
      trigger = DecisionMapper.toTrigger(decision);
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    if (trigger.isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return submit(trigger.get()).thenApply(result -> Optional.ofNullable(result.alert()));
  }

  /**
   * Raises (or re-triggers) the alerts for many decisions in one commit: far cheaper per alert than
   * one {@link #createAlert} each on a store whose commits cost (Delta Lake). All or nothing: a
   * decision that cannot be mapped fails the whole call with its {@link
   * io.klaxon.problem.InvalidInput} before anything is written.
   *
   * @return one entry per decision, in order: the alert as committed, empty for a HOLD
   */
  public CompletableFuture<List<Optional<Alert>>> createAlerts(List<Decision> decisions) {
    List<Optional<AlertCommand.Trigger>> triggers = new ArrayList<>(decisions.size());
    try {
      for (Decision decision : decisions) {
        triggers.add(DecisionMapper.toTrigger(decision));
      }
    } catch (RuntimeException invalid) {
      return CompletableFuture.failedFuture(invalid);
    }
    List<AlertCommand> commands =
        triggers.stream().flatMap(Optional::stream).map(t -> (AlertCommand) t).toList();
    return submitAll(commands)
        .thenApply(
            results -> {
              List<Optional<Alert>> answer = new ArrayList<>(triggers.size());
              int next = 0;
              for (Optional<AlertCommand.Trigger> trigger : triggers) {
                answer.add(
                    trigger.isEmpty()
                        ? Optional.empty()
                        : Optional.ofNullable(results.get(next++).alert()));
              }
              return answer;
            });
  }

  /** Acknowledges an open alert; an acknowledged one is returned unchanged. */
  public CompletableFuture<Alert> acknowledge(long id) {
    return change(id, Transition.ACKNOWLEDGE);
  }

  /** Resolves an open or acknowledged alert. */
  public CompletableFuture<Alert> resolve(long id) {
    return change(id, Transition.RESOLVE);
  }

  /** Dismisses an open or acknowledged alert: it needed no action. */
  public CompletableFuture<Alert> dismiss(long id) {
    return change(id, Transition.DISMISS);
  }

  /** The alert with this id, in any status; empty when there is none. */
  public CompletableFuture<Optional<Alert>> findAlert(long id) {
    return read(() -> store.findById(id));
  }

  /**
   * The alert's history, oldest first: every change made to it, with who made it and when.
   *
   * @return fails with {@link NotFound} when there is no alert with this id
   */
  public CompletableFuture<List<HistoryEntry>> history(long id) {
    return read(
        () -> {
          if (store.findById(id).isEmpty()) {
            throw new NotFound("alert", id);
          }
          return store.history(id);
        });
  }

  /**
   * One page of the alerts matching a query. Decision alerts are found by symbol, strategy, rule or
   * class through the query's attributes ({@code symbol}, {@code strategyId}, {@code rule}, {@code
   * class}, with the class's lowercase word).
   */
  public CompletableFuture<AlertPage> query(AlertQuery query) {
    return read(() -> store.find(query));
  }

  /** Every alert still needing attention (open or acknowledged), oldest first. */
  public CompletableFuture<List<Alert>> activeAlerts() {
    return read(store::loadActive);
  }

  /** How many alerts have this status. */
  public CompletableFuture<Long> count(AlertStatus status) {
    return read(() -> store.stats(AlertQuery.all().withStatuses(Set.of(status))).total());
  }

  /** How many alerts there are, in every status. */
  public CompletableFuture<Long> count() {
    return read(() -> store.stats(AlertQuery.all()).total());
  }

  /**
   * Registers a listener told of every alert created or changed, after its change is committed, in
   * commit order, on one thread of the manager's own; a listener that throws is logged and skipped
   * for that alert only.
   */
  public void addListener(Consumer<Alert> listener) {
    listeners.add(listener);
  }

  /** Stops telling a listener of changes; a listener not registered is ignored. */
  public void removeListener(Consumer<Alert> listener) {
    listeners.remove(listener);
  }

  /**
   * Commits every change already asked for, tells the listeners of them, finishes the reads under
   * way and stops the engine. Later calls fail with {@link Unavailable}. The store is the caller's
   * and stays open.
   */
  @Override
  public void close() {
    closed = true;
    gathering.close();
    engine.close();
    listeners.close();
    workers.close();
  }

  private CompletableFuture<Alert> change(long id, Transition transition) {
    return submit(AlertCommand.Change.of(AlertRef.id(id), transition, Actor.of(ACTOR)))
        .thenApply(
            result -> {
              Alert alert = result.alert();
              if (alert == null) {
                throw new NotFound("alert", id);
              }
              return alert;
            });
  }

  /**
   * Submits one command and answers on a worker thread: answering on the writer would run the
   * caller's continuations there, and one that waited for another write would wait forever.
   */
  private CompletableFuture<CommandResult> submit(AlertCommand command) {
    return submitAll(List.of(command)).thenApply(List::getFirst);
  }

  /** Submits commands as one; the first refusal among them fails the answer. */
  private CompletableFuture<List<CommandResult>> submitAll(List<AlertCommand> commands) {
    if (closed) {
      return CompletableFuture.failedFuture(new Unavailable("the alert manager is closed"));
    }
    if (commands.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    CompletableFuture<List<CommandResult>> committed;
    try {
      committed = gathering.submit(commands);
    } catch (RuntimeException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    CompletableFuture<List<CommandResult>> answer = new CompletableFuture<>();
    var unused =
        committed.whenComplete(
            (results, failure) ->
                workers.execute(
                    () -> {
                      if (failure != null) {
                        answer.completeExceptionally(failure);
                        return;
                      }
                      for (CommandResult result : results) {
                        KlaxonException refusal = result.refusal();
                        if (refusal != null) {
                          answer.completeExceptionally(refusal);
                          return;
                        }
                      }
                      answer.complete(results);
                    }));
    return answer;
  }

  private <T> CompletableFuture<T> read(Supplier<T> query) {
    if (closed) {
      return CompletableFuture.failedFuture(new Unavailable("the alert manager is closed"));
    }
    return CompletableFuture.supplyAsync(query, workers);
  }
}
