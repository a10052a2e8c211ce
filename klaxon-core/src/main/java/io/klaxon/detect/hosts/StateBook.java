package io.klaxon.detect.hosts;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every alert state in memory, as last written to the store: the detector reads no database, except
 * in cluster mode, where other instances write the store too and the states are read before use.
 */
final class StateBook {

  private static final Comparator<AlertState> ORDER =
      Comparator.comparing((AlertState s) -> s.key().check()).thenComparing(s -> s.key().service());

  private final Map<StateKey, AlertState> states = new ConcurrentHashMap<>();

  StateBook(Collection<AlertState> loaded) {
    loaded.forEach(state -> states.put(state.key(), state));
  }

  Optional<AlertState> get(StateKey key) {
    return Optional.ofNullable(states.get(key));
  }

  void putAll(Collection<AlertState> written) {
    written.forEach(state -> states.put(state.key(), state));
  }

  /** One server's states: metrics, offline, then services by name. */
  List<AlertState> of(String server) {
    return states.values().stream()
        .filter(s -> s.key().server().equals(server))
        .sorted(ORDER)
        .toList();
  }

  List<AlertState> all() {
    return List.copyOf(states.values());
  }

  /** Takes these servers' states as loaded from the store, dropping those it no longer has. */
  void replace(Set<String> servers, Collection<AlertState> loaded) {
    states.keySet().removeIf(key -> servers.contains(key.server()));
    putAll(loaded);
  }

  /** Takes every state as loaded from the store. */
  void replaceAll(Collection<AlertState> loaded) {
    Set<StateKey> keys = new HashSet<>();
    loaded.forEach(state -> keys.add(state.key()));
    states.keySet().retainAll(keys);
    putAll(loaded);
  }

  void forget(String server) {
    states.keySet().removeIf(key -> key.server().equals(server));
  }
}
