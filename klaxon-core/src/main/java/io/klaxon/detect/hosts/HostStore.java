package io.klaxon.detect.hosts;

import io.klaxon.access.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where servers, their alert states and the detector's settings are kept. Called only by {@link
 * HostMonitor}, which keeps all of it in memory and reads the store at start-up.
 *
 * <p>There is no delete: a server goes with its subject, when the alert engine commits an {@link
 * io.klaxon.engine.AlertCommand.Purge} of {@code server/{id}}. The store must then delete the
 * server and its states in the same transaction as the subject's alerts (the JDBC schema does it by
 * cascade from the subject).
 *
 * <p>Implementations raise {@link io.klaxon.problem.Unavailable} when the store cannot be reached.
 */
public interface HostStore {

  /** Every server, by id. */
  List<Server> loadServers();

  /**
   * Stores a new server, and its subject {@code server/{id}} when there is none yet.
   *
   * @throws io.klaxon.problem.Conflict naming {@code id} when the server exists
   */
  void insertServer(Server server);

  /**
   * Rewrites a server's hostname, display name and tags, and its subject's name.
   *
   * @return false when there is no such server
   */
  boolean updateServer(Server server);

  /** Every alert state. */
  List<AlertState> loadStates();

  /**
   * The servers of these ids that exist, as stored: where other instances write the same store
   * (cluster mode), they are read before each use.
   */
  default List<Server> loadServers(Set<String> ids) {
    return loadServers().stream().filter(server -> ids.contains(server.id())).toList();
  }

  /** The alert states of these servers, as stored. */
  default List<AlertState> loadStates(Set<String> servers) {
    return loadStates().stream().filter(state -> servers.contains(state.key().server())).toList();
  }

  /**
   * Does {@code work} holding these servers' lock, and gives its result: no other holder of the
   * lock of any of them, on this store or (cluster mode) another instance's store on the same
   * database, works at the same time. In cluster mode each instance reads a server's states,
   * decides and writes them back under it, so that two signals about one server count one after the
   * other.
   *
   * <p>The default holds nothing: a store that one monitor alone uses needs no lock of its own, the
   * monitor serializing its work on each server in memory.
   *
   * @throws io.klaxon.problem.Unavailable when the lock cannot be taken: the store unreachable, or
   *     the server held elsewhere for longer than the store waits
   */
  default <T> T inServerLock(Set<String> servers, Supplier<T> work) {
    return work.get();
  }

  /** Inserts or replaces states, all or none; their servers exist. */
  void saveStates(List<AlertState> states);

  /** The settings last saved, if any were. */
  Optional<HostSettings> loadSettings();

  /**
   * Saves the settings, replacing those saved before, and records the change (who, when, before and
   * after) in the settings history in the same transaction.
   */
  void saveSettings(HostSettings settings, Actor actor, Instant savedAt);
}
