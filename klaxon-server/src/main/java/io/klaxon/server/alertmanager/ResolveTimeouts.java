package io.klaxon.server.alertmanager;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import io.klaxon.server.alertmanager.AlertAttributes.Via;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Alertmanager's {@code resolve_timeout}: an alert posted to {@code /api/v2/alerts} that is not
 * sent again resolves on its own ({@code autoResolved}) once the timeout has passed after its last
 * {@code endsAt}, or after it was last received when it came without one. Alerts from the webhook
 * are left to the sending Alertmanager, which sends {@code resolved} itself.
 */
@Component
class ResolveTimeouts {

  static final Actor ACTOR = Actor.of("klaxon");
  private static final int BATCH = 1_000;

  private final AlertEngine engine;
  private final InstantSource clock;
  private final Duration timeout;

  ResolveTimeouts(AlertEngine engine, InstantSource clock, AlertmanagerSettings settings) {
    this.engine = engine;
    this.clock = clock;
    this.timeout = settings.resolveTimeout();
  }

  /**
   * Resolves every alert that is overdue now, through the engine.
   *
   * @return how many alerts it resolved
   */
  int resolveOverdue() {
    Instant now = clock.instant();
    List<Alert> overdue = new ArrayList<>();
    // From the engine's memory, not the store (paging every active alert out of the store every
    // check cost as much CPU as the requests that keep them alive, issue 22's profile), one at a
    // time: a list of them all lived long enough to be promoted and die in the old generation. In
    // cluster mode, those of the partitions this instance owns, since the job runs in each
    // partition's owner.
    engine.forEachActive(
        alert -> {
          if (AlertMapping.SOURCE.equals(alert.source())
              && AlertAttributes.isLabelSet(alert)
              && AlertAttributes.cameVia(alert, Via.API)
              && !deadline(alert).isAfter(now)) {
            overdue.add(alert);
          }
        });
    overdue.sort(Comparator.comparing(Alert::detectedAt).thenComparingLong(Alert::id));
    List<AlertCommand> commands = new ArrayList<>();
    int resolved = 0;
    for (Alert alert : overdue) {
      commands.add(
          new AlertCommand.Change(
              AlertRef.id(alert.id()),
              Transition.RESOLVE,
              ACTOR,
              "not sent again within resolve_timeout " + StatusV2Controller.goDuration(timeout),
              true));
      if (commands.size() == BATCH) {
        resolved += apply(commands);
        commands.clear();
      }
    }
    return resolved + apply(commands);
  }

  /** When the alert resolves unless it is sent again. */
  Instant deadline(Alert alert) {
    Instant endsAt = AlertAttributes.endsAt(alert);
    return (endsAt != null ? endsAt : AlertAttributes.receivedAt(alert)).plus(timeout);
  }

  private int apply(List<AlertCommand> commands) {
    int resolved = 0;
    for (CommandResult result : engine.apply(commands)) {
      // A refusal means someone resolved or dismissed it meanwhile: nothing left to do.
      if (result.outcome() == Outcome.RESOLVED) {
        resolved++;
      }
    }
    return resolved;
  }
}
