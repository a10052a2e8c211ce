package io.klaxon.store.jdbc;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One test database for a whole contract class, opened with its first test rather than before all
 * of them, so that a database that is not there (an aborted {@link TestDatabase#postgres()}) shows
 * every test as skipped, not only the first.
 */
public final class SharedDatabase implements AutoCloseable {

  private final Supplier<TestDatabase> opener;
  private @Nullable TestDatabase database;
  private @Nullable RuntimeException notOpened;

  public SharedDatabase(Supplier<TestDatabase> opener) {
    this.opener = opener;
  }

  /** Whether {@link #get} has opened the database already. */
  public boolean isOpen() {
    return database != null;
  }

  /**
   * @return the database, opened on the first call
   * @throws RuntimeException the failure of the first open, again on every later call
   */
  public TestDatabase get() {
    if (notOpened != null) {
      throw notOpened;
    }
    if (database == null) {
      try {
        database = opener.get();
      } catch (RuntimeException e) {
        notOpened = e;
        throw e;
      }
    }
    return database;
  }

  @Override
  public void close() {
    if (database != null) {
      database.close();
    }
  }
}
