package io.klaxon.detect.hosts;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  void forget(String id) {
    servers.remove(id);
  }
}
