package io.klaxon.engine;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Where an engine that applies nothing itself sends its commands: in cluster mode, the command
 * topic, whose partitions' owners apply them. See {@link AlertEngine#routed}.
 */
public interface CommandRoute {

  /** As {@link AlertEngine#submit}: completes with one result per command, in order. */
  CompletableFuture<List<CommandResult>> submit(List<? extends AlertCommand> commands);

  /**
   * As {@link #submit}, for a caller that needs only the outcomes: a result's alert may be left out
   * where getting it would cost (an alert another instance owns).
   */
  CompletableFuture<List<CommandResult>> submitForOutcomes(List<? extends AlertCommand> commands);

  /** The active alert of a fingerprint, where this instance knows it. */
  Optional<Alert> active(String fingerprint);

  int activeCount();

  /**
   * The active alerts this instance's partitions hold, from memory: what the jobs that run in each
   * partition's owner look at.
   */
  List<Alert> activeAlerts();

  /**
   * As {@link AlertEngine#expireDue}, for the alerts this instance's partitions hold: each instance
   * expires its own partitions' alerts.
   */
  int expireDue(Instant now, Actor actor);

  boolean isWorking();

  /** As {@link AlertEngine#onCommitted}. */
  void onCommitted(Consumer<List<Alert>> listener);
}
