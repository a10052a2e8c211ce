package io.klaxon.detect.hosts;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * In-process locks of servers by id: servers share a fixed set of locks by hash, and a set of
 * servers is locked in stripe order, so that no two callers wait on each other.
 */
public final class ServerStripes {

  private static final int STRIPES = 64;

  private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

  public ServerStripes() {
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** Does {@code work} holding the locks of all {@code servers}; gives its result. */
  public <T> T locked(Collection<String> servers, Supplier<T> work) {
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
}
