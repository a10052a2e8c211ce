package io.klaxon.detect.hosts;

import io.klaxon.access.Actor;
import io.klaxon.problem.Conflict;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link HostStore} in memory beside an {@link InMemoryAlertStore}. A server lives as long as its
 * subject in the alert store, as the JDBC schema's cascade has it: a purged subject takes its
 * server and states with it. {@link #failNextSave} makes the next state write fail. Its server lock
 * records the servers locked and the writes about servers not locked at the time.
 */
final class InMemoryHostStore implements HostStore {

  private final InMemoryAlertStore alerts;
  private final Map<String, Server> servers = new LinkedHashMap<>();
  private final Map<StateKey, AlertState> states = new LinkedHashMap<>();
  private @Nullable HostSettings settings;
  private @Nullable RuntimeException nextSaveFailure;
  private int saves;
  private final Set<String> inLock = ConcurrentHashMap.newKeySet();
  private final List<Set<String>> locksTaken = new CopyOnWriteArrayList<>();
  private final List<String> writesOutsideLock = new CopyOnWriteArrayList<>();

  InMemoryHostStore(InMemoryAlertStore alerts) {
    this.alerts = alerts;
  }

  @Override
  public synchronized List<Server> loadServers() {
    cascade();
    return servers.values().stream().sorted(Comparator.comparing(Server::id)).toList();
  }

  @Override
  public <T> T inServerLock(Set<String> ids, Supplier<T> work) {
    locksTaken.add(Set.copyOf(ids));
    inLock.addAll(ids);
    try {
      return work.get();
    } finally {
      inLock.removeAll(ids);
    }
  }

  @Override
  public synchronized void insertServer(Server server) {
    checkLocked("insert", server.id());
    cascade();
    if (servers.containsKey(server.id())) {
      throw new Conflict("id", "server " + server.id() + " already exists");
    }
    if (alerts.findSubject(Server.SUBJECT_TYPE, server.id()).isEmpty()) {
      alerts.commit(new ChangeSet(List.of(server.subject()), List.of(), List.of(), List.of()));
    }
    servers.put(server.id(), server);
  }

  @Override
  public synchronized boolean updateServer(Server server) {
    checkLocked("update", server.id());
    cascade();
    return servers.replace(server.id(), server) != null;
  }

  @Override
  public synchronized List<AlertState> loadStates() {
    cascade();
    return List.copyOf(states.values());
  }

  @Override
  public synchronized void saveStates(List<AlertState> changed) {
    changed.forEach(state -> checkLocked("save a state of", state.key().server()));
    cascade();
    RuntimeException failure = nextSaveFailure;
    if (failure != null) {
      nextSaveFailure = null;
      throw failure;
    }
    for (AlertState state : changed) {
      if (!servers.containsKey(state.key().server())) {
        throw new IllegalStateException("state of unknown server " + state.key());
      }
    }
    changed.forEach(state -> states.put(state.key(), state));
    saves++;
  }

  @Override
  public synchronized Optional<HostSettings> loadSettings() {
    return Optional.ofNullable(settings);
  }

  @Override
  public synchronized void saveSettings(HostSettings newSettings, Actor actor, Instant savedAt) {
    settings = newSettings;
  }

  /** Makes the next {@link #saveStates} throw {@code failure} and write nothing. */
  synchronized void failNextSave(RuntimeException failure) {
    nextSaveFailure = failure;
  }

  synchronized List<AlertState> states() {
    cascade();
    return new ArrayList<>(states.values());
  }

  synchronized int saves() {
    return saves;
  }

  /** The servers of each {@link #inServerLock}, in order. */
  List<Set<String>> locksTaken() {
    return List.copyOf(locksTaken);
  }

  /** The writes about a server done outside its lock, such as {@code "update nas-01"}. */
  List<String> writesOutsideLock() {
    return List.copyOf(writesOutsideLock);
  }

  private void checkLocked(String write, String server) {
    if (!inLock.contains(server)) {
      writesOutsideLock.add(write + " " + server);
    }
  }

  /** What the schema's cascade does: servers whose subject is gone go, with their states. */
  private void cascade() {
    servers.keySet().removeIf(id -> alerts.findSubject(Server.SUBJECT_TYPE, id).isEmpty());
    states.keySet().removeIf(key -> !servers.containsKey(key.server()));
  }
}
