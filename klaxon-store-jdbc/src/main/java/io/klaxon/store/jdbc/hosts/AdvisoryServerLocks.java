package io.klaxon.store.jdbc.hosts;

import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Servers' locks that every instance on one PostgreSQL database sees: session-level advisory locks,
 * keyed by a hash of the schema and the server's id, all of this store's held on one connection of
 * its own, taken with {@code pg_try_advisory_lock} and waited for here, not in the database.
 *
 * <p>The lock is held across the monitor's call to the alert engine, which in cluster mode waits
 * for a partition's owner, maybe another instance, to commit the alerts. That cannot deadlock:
 *
 * <ul>
 *   <li>nothing the owner's commit does waits for it: an advisory lock is no row lock, and the
 *       owner's writes (alerts, history, a purge's cascade to the server and its states) never take
 *       it;
 *   <li>it holds no connection that the owner's writer needs: however many rounds hold or wait for
 *       locks, they share one connection, used a statement at a time (a waiter polls rather than
 *       blocking it in {@code pg_advisory_lock}), so the pool keeps the others;
 *   <li>a round's servers are locked in one order of their keys, the same on every instance.
 * </ul>
 *
 * A holder waits at most for the engine's answer ({@code klaxon.cluster.answer-wait}), and a waiter
 * gives up after {@code wait} with {@link Unavailable}. When the connection is lost its locks end
 * with the session (an instance that dies frees its servers at once); the rounds then holding them
 * finish unguarded, and the connection is opened anew. It goes back to the pool when no lock is
 * held.
 */
final class AdvisoryServerLocks {

  private static final long FIRST_PAUSE_MICROS = 500;
  private static final long LONGEST_PAUSE_MICROS = 20_000;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final Duration wait;
  private @Nullable Connection session;
  private @Nullable String schema;
  private int held;

  /** Counts the sessions opened: a lock taken in an earlier one ended with it. */
  private long generation;

  AdvisoryServerLocks(DataSource dataSource, Dialect dialect, Duration wait) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.wait = wait;
  }

  /**
   * Does {@code work} holding the locks of {@code servers}.
   *
   * @throws Unavailable when the database cannot be reached, or a lock is not free within the wait
   */
  <T> T locked(Set<String> servers, Supplier<T> work) {
    List<Long> keys = keys(servers);
    List<Held> taken = new ArrayList<>(keys.size());
    try {
      long deadline = System.nanoTime() + wait.toNanos();
      for (long key : keys) {
        taken.add(new Held(key, take(key, deadline, servers)));
      }
      return work.get();
    } finally {
      for (Held lock : taken.reversed()) {
        release(lock.key(), lock.session());
      }
    }
  }

  /** A lock taken, and the number of the session that holds it. */
  private record Held(long key, long session) {}

  /** The locks' keys, in the order every instance takes them. */
  private List<Long> keys(Set<String> servers) {
    String namespace = schema();
    return servers.stream().map(id -> key(namespace, id)).distinct().sorted().toList();
  }

  /** The advisory lock's key of one server of the schema {@code namespace}. */
  static long key(String namespace, String server) {
    return UUID.nameUUIDFromBytes(
            ("klaxon-host/" + namespace + "/" + server).getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits();
  }

  /** Waits for the lock, pausing longer each time it is found held; gives the session's number. */
  private long take(long key, long deadline, Set<String> servers) {
    long pause = FIRST_PAUSE_MICROS;
    while (true) {
      Long taken = tryTake(key);
      if (taken != null) {
        return taken;
      }
      if (System.nanoTime() > deadline) {
        throw new Unavailable(
            "the servers "
                + servers
                + " are being changed by another instance for longer than "
                + wait.toMillis()
                + " ms");
      }
      try {
        TimeUnit.MICROSECONDS.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Unavailable("interrupted waiting for the lock of the servers " + servers, e);
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_MICROS);
    }
  }

  /** The session's number when the lock was free and is now held, or null. */
  private synchronized @Nullable Long tryTake(long key) {
    try {
      boolean free;
      try (PreparedStatement statement =
          session().prepareStatement("select pg_try_advisory_lock(?)")) {
        statement.setLong(1, key);
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          free = result.getBoolean(1);
        }
      }
      if (!free) {
        returnIfIdle();
        return null;
      }
      held++;
      return generation;
    } catch (SQLException e) {
      drop();
      throw unavailable("take a server's lock", e);
    }
  }

  private synchronized void release(long key, long takenIn) {
    if (takenIn != generation) {
      return; // that session ended, and its locks with it
    }
    try (PreparedStatement statement = session().prepareStatement("select pg_advisory_unlock(?)")) {
      statement.setLong(1, key);
      statement.execute();
      held--;
      returnIfIdle();
    } catch (SQLException e) {
      drop(); // ends the session and every lock in it
    }
  }

  private synchronized String schema() {
    if (schema == null) {
      try (Connection connection = dataSource.getConnection()) {
        schema = String.valueOf(connection.getSchema());
      } catch (SQLException e) {
        throw unavailable("read the schema", e);
      }
    }
    return schema;
  }

  private Connection session() throws SQLException {
    if (session == null) {
      session = dataSource.getConnection();
      session.setAutoCommit(true);
      generation++;
    }
    return session;
  }

  private void returnIfIdle() throws SQLException {
    if (held == 0 && session != null) {
      Connection idle = session;
      session = null;
      idle.close();
    }
  }

  /**
   * Gives the connection up after a failure: its locks, if it still has any, are undone first so
   * that the pool cannot hand them to someone else; a broken connection the pool discards.
   */
  private void drop() {
    Connection failed = session;
    session = null;
    held = 0;
    generation++;
    if (failed == null) {
      return;
    }
    try (failed;
        PreparedStatement statement = failed.prepareStatement("select pg_advisory_unlock_all()")) {
      statement.execute();
    } catch (SQLException ignored) {
      // Broken: the session, and its locks, are gone with it.
    }
  }

  private Unavailable unavailable(String what, SQLException e) {
    return new Unavailable(
        "the host store ("
            + dialect.productName()
            + ") cannot be reached to "
            + what
            + ": "
            + e.getMessage(),
        e);
  }
}
