package io.klaxon.detect.hosts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every alert state in memory, as last written to the store: the detector reads no database. */
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

  void forget(String server) {
    states.keySet().removeIf(key -> key.server().equals(server));
  }
}
