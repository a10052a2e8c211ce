package io.klaxon.detect.hosts;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every server in memory, as last written to the store, so that a signal's server is known without
 * a read. Writers hold the server's lock; readers may come from any thread.
 */
final class ServerBook {

  private final Map<String, Server> servers = new ConcurrentHashMap<>();
  private final HostStore store;

  ServerBook(HostStore store) {
    this.store = store;
    store.loadServers().forEach(server -> servers.put(server.id(), server));
  }

  Optional<Server> get(String id) {
    return Optional.ofNullable(servers.get(id));
  }

  /**
   * @throws NotFound when there is no such server
   */
  Server require(String id) {
    return get(id).orElseThrow(() -> new NotFound("server", id));
  }

  List<Server> all() {
    return servers.values().stream().sorted(Comparator.comparing(Server::id)).toList();
  }

  /**
   * @throws Conflict naming {@code id} when the server exists
   */
  Server register(Server server) {
    if (servers.containsKey(server.id())) {
      throw new Conflict("id", "server " + server.id() + " already exists");
    }
    store.insertServer(server);
    servers.put(server.id(), server);
    return server;
  }

  /**
   * @throws NotFound when there is no such server
   */
  Server update(Server server) {
    if (!store.updateServer(server)) {
      throw new NotFound("server", server.id());
    }
    servers.put(server.id(), server);
    return server;
  }

  /** Takes these servers as the store has them now: new, changed, or gone. */
  void reload(Set<String> ids) {
    Map<String, Server> stored = new HashMap<>();
    store.loadServers(ids).forEach(server -> stored.put(server.id(), server));
    for (String id : ids) {
      Server server = stored.get(id);
      if (server == null) {
        servers.remove(id);
      } else {
        servers.put(id, server);
      }
    }
  }

  /** Takes every server as the store has them now. */
  void reloadAll() {
    List<Server> stored = store.loadServers();
    Set<String> ids = new HashSet<>();
    stored.forEach(server -> ids.add(server.id()));
    servers.keySet().retainAll(ids);
    stored.forEach(server -> servers.put(server.id(), server));
  }

  void forget(String id) {
    servers.remove(id);
  }
}
