package io.klaxon.server.alertmanager;

import io.klaxon.access.Actor;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.CommandResult;
import io.klaxon.server.alertmanager.AlertAttributes.Via;
import io.klaxon.server.alertmanager.PostedAlert.Fault;
import io.klaxon.server.problem.PayloadTooLarge;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads a batch of Alertmanager alerts and, only when every one of them is acceptable, applies them
 * through the engine in one submission: a refused request writes nothing.
 */
@Component
class AlertIntake {

  /** Most alerts in one request, as for Klaxon's own events. */
  static final int MAX_ALERTS = 10_000;

  /** What became of one alert: its fingerprint and the engine's result. */
  record Taken(String fingerprint, CommandResult result) {}

  private final AlertEngine engine;
  private final AlertMapping mapping;
  private final InstantSource clock;

  AlertIntake(AlertEngine engine, AlertMapping mapping, InstantSource clock) {
    this.engine = engine;
    this.mapping = mapping;
    this.clock = clock;
  }

  /**
   * Takes the alerts of one request: all of them, or none.
   *
   * @param prefix put before each item's index in fault paths ({@code alerts} for the webhook)
   * @param refuse throws the caller's refusal for the faults found; it must not return
   * @return one entry per item, in order, once the commands are committed; through the API ({@link
   *     Via#API}) a result may come without its alert (in a cluster, one another instance owns)
   */
  List<Taken> take(
      List<JsonNode> items, String prefix, Via via, Actor actor, Consumer<List<Fault>> refuse) {
    if (items.size() > MAX_ALERTS) {
      throw new PayloadTooLarge(
          "at most " + MAX_ALERTS + " alerts per request, got " + items.size());
    }
    List<Fault> faults = new ArrayList<>();
    List<PostedAlert> alerts = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      alerts.add(
          PostedAlert.read(items.get(i), prefix + "[" + i + "].", via == Via.WEBHOOK, faults));
    }
    return take(alerts, prefix, via, actor, faults, refuse);
  }

  /**
   * Takes alerts read already, every one of them valid ({@link PostedAlert#readPlain}): all of
   * them, or none. The API's fault paths have no prefix.
   */
  List<Taken> take(List<PostedAlert> alerts, Via via, Actor actor, Consumer<List<Fault>> refuse) {
    return take(alerts, "", via, actor, new ArrayList<>(), refuse);
  }

  private List<Taken> take(
      List<PostedAlert> alerts,
      String prefix,
      Via via,
      Actor actor,
      List<Fault> faults,
      Consumer<List<Fault>> refuse) {
    var now = clock.instant();
    List<AlertMapping.Mapped> mapped = new ArrayList<>(alerts.size());
    for (int i = 0; i < alerts.size(); i++) {
      PostedAlert alert = alerts.get(i);
      if (alert != null) {
        mapped.add(
            mapping.map(
                alert, LabelFingerprint.key(alert.labels()), via, actor, now, prefix, i, faults));
      }
    }
    if (!faults.isEmpty()) {
      refuse.accept(faults);
      throw new IllegalStateException("a refusal must throw");
    }
    List<AlertCommand> commands = new ArrayList<>(mapped.size());
    List<String> fingerprints = new ArrayList<>(mapped.size());
    for (AlertMapping.Mapped one : mapped) {
      if (one == null) {
        throw new IllegalStateException("every alert was mapped once the faults are none");
      }
      commands.add(one.command());
      fingerprints.add(one.fingerprint());
    }
    // The API answers 200 with no body: only the webhook's answer shows the alerts, so only it
    // has a cluster read back the alerts that other instances own.
    List<CommandResult> results =
        via == Via.WEBHOOK ? engine.apply(commands) : engine.applyForOutcomes(commands);
    List<Taken> taken = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      taken.add(new Taken(fingerprints.get(i), results.get(i)));
    }
    return taken;
  }
}
