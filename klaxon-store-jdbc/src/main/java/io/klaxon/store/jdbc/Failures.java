package io.klaxon.store.jdbc;

import io.klaxon.problem.Unavailable;
import io.klaxon.store.ConcurrentChange;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;

/**
 * Turns a database that cannot be reached into {@link Unavailable}, which callers may retry, a
 * duplicate key into {@link ConcurrentChange}, and lets every other failure through as it is.
 */
public final class Failures {

  private final Dialect dialect;

  public Failures(Dialect dialect) {
    this.dialect = dialect;
  }

  public <T> T call(String what, Supplier<T> work) {
    try {
      return work.get();
    } catch (DataAccessException e) {
      throw translate(what, e);
    }
  }

  public void run(String what, Runnable work) {
    call(
        what,
        () -> {
          work.run();
          return null;
        });
  }

  private RuntimeException translate(String what, DataAccessException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && dialect.isDuplicate(sql)) {
        // Only another writer can make the engine's own ids or active fingerprints clash.
        return new ConcurrentChange(
            "another writer stored an alert this engine meant to create: " + sql.getMessage(),
            failure);
      }
      if (cause instanceof SQLException sql && dialect.isUnavailable(sql)) {
        return new Unavailable(
            "the alert store ("
                + dialect.productName()
                + ") cannot be reached to "
                + what
                + ": "
                + sql.getMessage(),
            failure);
      }
    }
    return failure;
  }
}
