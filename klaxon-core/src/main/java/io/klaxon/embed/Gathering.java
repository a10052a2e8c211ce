package io.klaxon.embed;

import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Holds the manager's writes for a moment (the linger) so that callers arriving together share one
 * engine submission, hence one commit, even when the engine's writer is idle as the first one
 * comes: on a store whose commits cost (Delta Lake) that is the difference between one commit and
 * many. With no linger, every write goes to the engine at once.
 */
final class Gathering implements AutoCloseable {

  /** Writes waiting for the linger to end, and where to send their results. */
  private record Pending(
      List<AlertCommand> commands, CompletableFuture<List<CommandResult>> answer) {}

  private final AlertEngine engine;
  private final Duration linger;
  private final @Nullable ScheduledExecutorService timer;
  private List<Pending> pending = new ArrayList<>();

  Gathering(AlertEngine engine, Duration linger) {
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must not be negative, not " + linger);
    }
    this.engine = engine;
    this.linger = linger;
    this.timer =
        linger.isZero()
            ? null
            : Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("klaxon-manager-linger").daemon(true).factory());
  }

  /**
   * Submits the commands with whatever else arrives within the linger.
   *
   * @throws io.klaxon.problem.Unavailable at once when the engine refuses them (no linger only)
   */
  CompletableFuture<List<CommandResult>> submit(List<AlertCommand> commands) {
    if (timer == null) {
      return engine.submit(commands);
    }
    Pending mine = new Pending(commands, new CompletableFuture<>());
    synchronized (this) {
      if (timer.isShutdown()) {
        return engine.submit(commands); // closing: the engine answers, or refuses at once
      }
      pending.add(mine);
      if (pending.size() == 1) {
        // flush() answers its callers itself, failures included: its future holds nothing.
        var unused = timer.schedule(this::flush, linger.toNanos(), TimeUnit.NANOSECONDS);
      }
    }
    return mine.answer();
  }

  /** Sends what gathered to the engine as one submission and hands each caller its results. */
  private void flush() {
    List<Pending> group;
    synchronized (this) {
      group = pending;
      pending = new ArrayList<>();
    }
    if (group.isEmpty()) {
      return;
    }
    List<AlertCommand> all = new ArrayList<>();
    group.forEach(p -> all.addAll(p.commands()));
    CompletableFuture<List<CommandResult>> committed;
    try {
      committed = engine.submit(all);
    } catch (RuntimeException refused) {
      group.forEach(p -> p.answer().completeExceptionally(refused));
      return;
    }
    var unused =
        committed.whenComplete(
            (results, failure) -> {
              int from = 0;
              for (Pending p : group) {
                if (failure != null) {
                  p.answer().completeExceptionally(failure);
                } else {
                  int to = from + p.commands().size();
                  p.answer().complete(List.copyOf(results.subList(from, to)));
                  from = to;
                }
              }
            });
  }

  /** Sends what is still waiting, then stops the timer; call before closing the engine. */
  @Override
  public void close() {
    if (timer != null) {
      synchronized (this) {
        timer.shutdownNow();
      }
      flush();
    }
  }
}
