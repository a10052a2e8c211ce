package io.klaxon.detect.hosts;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Serializes the work on each server: a state is read, decided on, committed with its alerts and
 * written back under its server's lock, so two requests about one server never interleave ({@link
 * ServerStripes}).
 *
 * <p>In cluster mode the work that changes a server also holds the store's lock of it ({@link
 * HostStore#inServerLock}), which the other instances take too; reads hold this instance's lock
 * only.
 */
final class ServerLocks {

  private final ServerStripes stripes = new ServerStripes();
  private final HostStore store;
  private final boolean shared;

  ServerLocks(HostStore store, boolean shared) {
    this.store = store;
    this.shared = shared;
  }

  /**
   * Does {@code work}, which changes {@code servers} (their states, alerts or rows), holding their
   * locks here and, in cluster mode, in the store; gives its result.
   */
  <T> T changing(Collection<String> servers, Supplier<T> work) {
    if (!shared) {
      return locked(servers, work);
    }
    // This instance's lock first: of its own threads only one waits for the store's lock of a
    // server, and the store's lock is taken in one order by every instance (see the store).
    return locked(servers, () -> store.inServerLock(Set.copyOf(servers), work));
  }

  <T> T changing(String server, Supplier<T> work) {
    return changing(List.of(server), work);
  }

  /** Does {@code work} holding the locks of all {@code servers} in this instance only. */
  <T> T locked(Collection<String> servers, Supplier<T> work) {
    return stripes.locked(servers, work);
  }

  <T> T locked(String server, Supplier<T> work) {
    return locked(List.of(server), work);
  }
}
