package io.klaxon.detect.hosts;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes the work on each server: a state is read, decided on, committed with its alerts and
 * written back under its server's lock, so two requests about one server never interleave. Servers
 * share a fixed set of locks by hash; a set of servers is locked in stripe order, so that no two
 * callers wait on each other.
 */
final class ServerLocks {

  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  ServerLocks() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Does {@code work} holding the locks of all {@code servers}, and gives its result. */
  <T> T locked(Collection<String> servers, Supplier<T> work) {
    List<ReentrantLock> held =
        servers.stream()
            .mapToInt(server -> Math.floorMod(server.hashCode(), STRIPES))
            .distinct()
            .sorted()
            .mapToObj(i -> stripes[i])
            .toList();
    held.forEach(ReentrantLock::lock);
    try {
      return work.get();
    } finally {
      held.reversed().forEach(ReentrantLock::unlock);
    }
  }

  <T> T locked(String server, Supplier<T> work) {
    return locked(List.of(server), work);
  }
}
