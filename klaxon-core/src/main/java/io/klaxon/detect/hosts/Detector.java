package io.klaxon.detect.hosts;

import io.klaxon.engine.AlertEngine;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import io.klaxon.problem.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Runs the rules over signals and the clock: each request (or tick) is one {@link Round} under the
 * locks of its servers.
 */
final class Detector {

  private final AlertEngine engine;
  private final HostStore store;
  private final ServerBook servers;
  private final StateBook states;
  private final ServerLocks locks;

  /** Cluster mode: other instances take signals too and write the same store. */
  private final boolean shared;

  Detector(
      AlertEngine engine,
      HostStore store,
      ServerBook servers,
      StateBook states,
      ServerLocks locks,
      boolean shared) {
    this.engine = engine;
    this.store = store;
    this.servers = servers;
    this.states = states;
    this.locks = locks;
    this.shared = shared;
  }

  /**
   * In cluster mode, takes these servers and their states as the store has them: what other
   * instances wrote since (heartbeats, breaches, servers registered or deleted). The caller holds
   * the servers' locks; in one instance it does nothing, memory being the store's copy.
   */
  void refresh(Set<String> ids) {
    if (shared) {
      servers.reload(ids);
      states.replace(ids, store.loadStates(ids));
    }
  }

  SignalReport metrics(List<MetricSample> samples, HostSettings settings, Instant now) {
    checkTimes(samples, MetricSample::observedAt, settings, now);
    Set<String> ids = ids(samples, MetricSample::server);
    return locks.changing(ids, () -> takeMetrics(ids, samples, settings, now));
  }

  private SignalReport takeMetrics(
      Set<String> ids, List<MetricSample> samples, HostSettings settings, Instant now) {
    refresh(ids);
    List<String> registered = admit(ids, settings, now);
    Round round = new Round(engine, store, states, servers, now);
    int ignored = 0;
    // Oldest first, so that a batch of one server's history is counted in order.
    for (MetricSample sample : sorted(samples, MetricSample::observedAt)) {
      AlertState state = round.state(StateKey.metric(sample.server(), sample.metric()));
      if (!newer(sample.observedAt(), state)) {
        ignored++;
        continue;
      }
      round.take(
          MetricRules.onSample(state, sample.value(), sample.observedAt(), settings, now),
          sample.observedAt());
    }
    return new SignalReport(samples.size() - ignored, ignored, registered, round.commit());
  }

  SignalReport heartbeats(List<Heartbeat> heartbeats, HostSettings settings, Instant now) {
    checkTimes(heartbeats, Heartbeat::observedAt, settings, now);
    Set<String> ids = ids(heartbeats, Heartbeat::server);
    return locks.changing(ids, () -> takeHeartbeats(ids, heartbeats, settings, now));
  }

  private SignalReport takeHeartbeats(
      Set<String> ids, List<Heartbeat> heartbeats, HostSettings settings, Instant now) {
    refresh(ids);
    List<String> registered = admit(ids, settings, now);
    Round round = new Round(engine, store, states, servers, now);
    int ignored = 0;
    for (Heartbeat heartbeat : sorted(heartbeats, Heartbeat::observedAt)) {
      AlertState offline = round.state(StateKey.offline(heartbeat.server()));
      round.take(LivenessRules.onHeartbeat(offline, now), now);
      for (Map.Entry<String, ServiceStatus> service : heartbeat.services().entrySet()) {
        AlertState state = round.state(StateKey.service(heartbeat.server(), service.getKey()));
        if (!newer(heartbeat.observedAt(), state)) {
          ignored++;
          continue;
        }
        round.take(
            LivenessRules.onService(state, service.getValue(), heartbeat.observedAt(), now),
            heartbeat.observedAt());
      }
    }
    return new SignalReport(heartbeats.size(), ignored, registered, round.commit());
  }

  /** Opens what time alone decides: offline servers, breaches whose cool-down is over. */
  List<HostAlertChange> tick(HostSettings settings, Instant now) {
    if (shared) { // the heartbeats other instances took are in the store only
      servers.reloadAll();
      states.replaceAll(store.loadStates());
    }
    Set<String> due = new TreeSet<>();
    for (AlertState state : states.all()) {
      AlertState current =
          Reconcile.with(state, engine.active(HostAlerts.fingerprint(state.key())), now);
      if (!onTick(current, settings, now).actions().isEmpty()) {
        due.add(state.key().server());
      }
    }
    if (due.isEmpty()) {
      return List.of();
    }
    return locks.changing(
        due,
        () -> {
          refresh(due);
          Round round = new Round(engine, store, states, servers, now);
          for (String server : due) {
            if (servers.get(server).isEmpty()) {
              continue; // deleted since
            }
            for (AlertState known : states.of(server)) {
              round.take(onTick(round.state(known.key()), settings, now), now);
            }
          }
          return round.commit();
        });
  }

  private static Decision onTick(AlertState state, HostSettings settings, Instant now) {
    return switch (state.key().check()) {
      case CPU, MEMORY, DISK -> MetricRules.onTick(state, settings, now);
      case OFFLINE -> LivenessRules.onTick(state, settings, now);
      case SERVICE_DOWN -> Decision.keep(state);
    };
  }

  /**
   * Registers the unknown servers, or refuses them all before anything is written.
   *
   * @throws NotFound for the first unknown server when auto-registration is off
   */
  private List<String> admit(Set<String> ids, HostSettings settings, Instant now) {
    List<String> unknown = ids.stream().filter(id -> servers.get(id).isEmpty()).toList();
    if (!unknown.isEmpty() && !settings.autoRegister()) {
      throw new NotFound("server", unknown.getFirst());
    }
    for (String id : unknown) {
      try {
        servers.register(Server.of(id, null, null, List.of(), true, now));
      } catch (Conflict registeredElsewhere) {
        if (!shared) {
          throw registeredElsewhere;
        }
        servers.reload(Set.of(id)); // by another instance, since this one looked
      }
    }
    return unknown;
  }

  /**
   * @throws InvalidInput naming each signal ({@code [3].observedAt}) too far in the future
   */
  private static <T> void checkTimes(
      List<T> signals, Function<T, Instant> time, HostSettings settings, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < signals.size(); i++) {
      int index = i;
      settings
          .refuseObservedAt(time.apply(signals.get(i)), now)
          .ifPresent(reason -> errors.add(new FieldError("[" + index + "].observedAt", reason)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  private static boolean newer(Instant observedAt, AlertState state) {
    Instant last = state.lastSignalAt();
    return last == null || observedAt.isAfter(last);
  }

  private static <T> Set<String> ids(List<T> signals, Function<T, String> server) {
    Set<String> ids = new TreeSet<>();
    signals.forEach(signal -> ids.add(server.apply(signal)));
    return ids;
  }

  private static <T> List<T> sorted(List<T> signals, Function<T, Instant> time) {
    return signals.stream().sorted(Comparator.comparing(time)).toList();
  }
}
