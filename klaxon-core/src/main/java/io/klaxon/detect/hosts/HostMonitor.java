package io.klaxon.detect.hosts;

import io.klaxon.access.Actor;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Host health monitoring: the servers, the detector over their metrics and heartbeats, its alert
 * states and settings. Servers, states and settings are held in memory, loaded from the {@link
 * HostStore} at start-up and written through on every change; alerts go through the {@link
 * AlertEngine}, the one write path. Thread-safe: work on one server is serialized, in cluster mode
 * across instances too (through {@link HostStore#inServerLock}).
 */
public final class HostMonitor {

  private final AlertEngine engine;
  private final HostStore store;
  private final InstantSource clock;
  private final ServerLocks locks;
  private final ServerBook servers;
  private final StateBook states;
  private final Detector detector;
  private final HostSettings defaults;
  private final boolean shared;
  private volatile HostSettings settings;

  private HostMonitor(
      AlertEngine engine,
      HostStore store,
      InstantSource clock,
      HostSettings defaults,
      boolean shared) {
    this.engine = engine;
    this.store = store;
    this.clock = clock;
    this.servers = new ServerBook(store);
    this.states = new StateBook(store.loadStates());
    this.defaults = defaults;
    this.shared = shared;
    this.locks = new ServerLocks(store, shared);
    this.settings = store.loadSettings().orElse(defaults);
    this.detector = new Detector(engine, store, servers, states, locks, shared);
  }

  /**
   * Loads servers, states and settings from the store; {@code defaults} apply until settings are
   * saved with {@link #updateSettings}.
   *
   * @throws io.klaxon.problem.Unavailable when the store cannot be read
   */
  public static HostMonitor start(
      AlertEngine engine, HostStore store, InstantSource clock, HostSettings defaults) {
    return new HostMonitor(engine, store, clock, defaults, false);
  }

  /**
   * As {@link #start}, for cluster mode, where other instances take signals and change servers and
   * settings in the same store: each use reads what it needs from the store first (the servers and
   * states of a request, all of them for the check), so the check on one instance sees the
   * heartbeats that others took.
   */
  public static HostMonitor startShared(
      AlertEngine engine, HostStore store, InstantSource clock, HostSettings defaults) {
    return new HostMonitor(engine, store, clock, defaults, true);
  }

  /** Every server, by id. */
  public List<Server> servers() {
    if (shared) {
      servers.reloadAll();
    }
    return servers.all();
  }

  public Optional<Server> server(String id) {
    if (!shared) {
      return servers.get(id);
    }
    return locks.locked(id, () -> fresh(id).get(id));
  }

  /**
   * Registers a server by hand.
   *
   * @throws io.klaxon.problem.InvalidInput naming each bad field
   * @throws io.klaxon.problem.Conflict naming {@code id} when it exists
   */
  public Server register(
      String id, @Nullable String hostname, @Nullable String displayName, List<String> tags) {
    Server server = Server.of(id, hostname, displayName, tags, false, now());
    return locks.changing(id, () -> servers.register(server));
  }

  /**
   * Rewrites a server's hostname, display name and tags; its alerts keep the name they had.
   *
   * @throws io.klaxon.problem.NotFound when there is no such server
   * @throws io.klaxon.problem.InvalidInput naming each bad field
   */
  public Server describe(
      String id, @Nullable String hostname, @Nullable String displayName, List<String> tags) {
    return locks.changing(
        id,
        () ->
            servers.update(fresh(id).require(id).describedAs(hostname, displayName, tags, now())));
  }

  /**
   * Deletes a server with its alerts, their history and its alert states, in one transaction of the
   * alert engine; then forgets them.
   *
   * @throws io.klaxon.problem.NotFound when there is no such server
   */
  public void delete(String id, Actor actor) {
    locks.changing(
        id,
        () -> {
          fresh(id).require(id);
          engine.apply(new AlertCommand.Purge(Server.SUBJECT_TYPE, id, actor));
          states.forget(id);
          servers.forget(id);
          return id;
        });
  }

  /** One alert state, if its check has taken in a signal. */
  public Optional<AlertState> state(StateKey key) {
    if (!shared) {
      return states.get(key);
    }
    return locks.locked(
        key.server(),
        () -> {
          detector.refresh(Set.of(key.server()));
          return states.get(key);
        });
  }

  /** A server's alert states: metrics, offline, then services by name. */
  public List<AlertState> states(String server) {
    if (!shared) {
      servers.require(server);
      return states.of(server);
    }
    return locks.locked(
        server,
        () -> {
          fresh(server).require(server);
          return states.of(server);
        });
  }

  /**
   * Takes in metric samples, all or none.
   *
   * @throws io.klaxon.problem.InvalidInput naming each sample ({@code [i].observedAt}) whose time
   *     is further ahead than the clock skew allows; nothing is written
   * @throws io.klaxon.problem.NotFound for an unknown server when auto-registration is off
   * @throws io.klaxon.problem.Unavailable when the alerts or states could not be committed
   */
  public SignalReport takeMetrics(List<MetricSample> samples) {
    return detector.metrics(samples, settings(), now());
  }

  /** Takes in heartbeats, all or none; the refusals are those of {@link #takeMetrics}. */
  public SignalReport takeHeartbeats(List<Heartbeat> heartbeats) {
    return detector.heartbeats(heartbeats, settings(), now());
  }

  /**
   * Opens the alerts that time alone decides: servers silent for too long, breaches whose cool-down
   * is over. Call it regularly (the server's scheduler does).
   */
  public List<HostAlertChange> tick() {
    return detector.tick(settings(), now());
  }

  /** The settings in force; in cluster mode as last saved by any instance. */
  public HostSettings settings() {
    if (shared) {
      settings = store.loadSettings().orElse(defaults);
    }
    return settings;
  }

  /** Saves new settings with who changed them; the next signal is judged by them. */
  public synchronized void updateSettings(HostSettings newSettings, Actor actor) {
    store.saveSettings(newSettings, actor, now());
    settings = newSettings;
  }

  /** The servers, with this one as the store has it in cluster mode; the caller holds its lock. */
  private ServerBook fresh(String id) {
    detector.refresh(Set.of(id));
    return servers;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
