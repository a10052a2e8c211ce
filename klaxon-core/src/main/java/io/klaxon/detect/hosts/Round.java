package io.klaxon.detect.hosts;

import io.klaxon.alert.Alert;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of the detector's work, done under the locks of its servers: states taken from memory
 * and reconciled with the alerts, the rules' decisions gathered, then committed in two steps.
 *
 * <ol>
 *   <li>The alert commands, as one engine submission: one transaction, all or nothing.
 *   <li>The changed states, in one store transaction, with the ids of the alerts just opened.
 * </ol>
 *
 * Memory takes the new states only when both are committed. When the first fails, nothing changed;
 * when the second fails, the alerts are ahead of the stored and remembered states, and {@link
 * Reconcile} catches the states up the next time they are used (after a restart too). Either way
 * the caller is refused (503), and a retried request is counted once: a sample not newer than its
 * state's last one is ignored.
 */
final class Round {

  private final AlertEngine engine;
  private final HostStore store;
  private final StateBook book;
  private final ServerBook servers;
  private final Instant now;
  private final Map<StateKey, AlertState> working = new LinkedHashMap<>();
  private final List<AlertCommand> commands = new ArrayList<>();
  private final List<StateKey> commanded = new ArrayList<>();

  Round(AlertEngine engine, HostStore store, StateBook book, ServerBook servers, Instant now) {
    this.engine = engine;
    this.store = store;
    this.book = book;
    this.servers = servers;
    this.now = now;
  }

  /** The state as this round has it: from memory (or new) and reconciled, on first use. */
  AlertState state(StateKey key) {
    return working.computeIfAbsent(
        key,
        k ->
            Reconcile.with(
                book.get(k).orElseGet(() -> AlertState.initial(k)),
                engine.active(HostAlerts.fingerprint(k)),
                now));
  }

  /** Takes a rule's decision; its alert commands say the signal was seen at {@code seenAt}. */
  void take(Decision decision, Instant seenAt) {
    StateKey key = decision.state().key();
    working.put(key, decision.state());
    Server server = servers.require(key.server());
    for (AlertAction action : decision.actions()) {
      commands.add(HostAlerts.command(server, key, action, seenAt));
      commanded.add(key);
    }
  }

  /**
   * Commits the alert commands, then the states that changed.
   *
   * @return the alert changes, in the order the rules decided them
   * @throws io.klaxon.problem.Unavailable when either commit failed; memory is then unchanged
   */
  List<HostAlertChange> commit() {
    List<CommandResult> results = commands.isEmpty() ? List.of() : engine.apply(commands);
    List<AlertState> changed = new ArrayList<>();
    for (AlertState state : working.values()) {
      AlertState done = state;
      if (state.alerting()) {
        // The engine's memory holds what it just committed: the id of an alert opened now.
        Long id = engine.active(HostAlerts.fingerprint(state.key())).map(Alert::id).orElse(null);
        done = state.withActiveAlertId(id);
      }
      if (!Objects.equals(book.get(done.key()).orElse(null), done)) {
        changed.add(done);
      }
    }
    if (!changed.isEmpty()) {
      store.saveStates(changed);
      book.putAll(changed);
    }
    List<HostAlertChange> changes = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      changes.add(
          new HostAlertChange(commanded.get(i), results.get(i).outcome(), results.get(i).alert()));
    }
    return changes;
  }
}
