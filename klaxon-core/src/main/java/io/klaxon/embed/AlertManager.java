package io.klaxon.embed;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
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
import java.time.InstantSource;
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
  private volatile boolean closed;

  private AlertManager(AlertStore store, AlertEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /**
   * Starts an engine over the store (loading its active alerts) and a manager around it.
   *
   * @throws Unavailable when the store cannot be read
   */
  public static AlertManager open(AlertStore store, InstantSource clock) {
    AlertManager manager = new AlertManager(store, AlertEngine.start(store, clock));
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
    if (closed) {
      return CompletableFuture.failedFuture(new Unavailable("the alert manager is closed"));
    }
    CompletableFuture<List<CommandResult>> committed;
    try {
      committed = engine.submit(List.of(command));
    } catch (RuntimeException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    CompletableFuture<CommandResult> answer = new CompletableFuture<>();
    committed.whenComplete(
        (results, failure) ->
            workers.execute(
                () -> {
                  if (failure != null) {
                    answer.completeExceptionally(failure);
                  } else if (results.getFirst().refusal() instanceof KlaxonException refusal) {
                    answer.completeExceptionally(refusal);
                  } else {
                    answer.complete(results.getFirst());
                  }
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
