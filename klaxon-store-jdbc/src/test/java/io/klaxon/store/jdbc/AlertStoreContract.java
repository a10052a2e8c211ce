package io.klaxon.store.jdbc;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every database under the JDBC store must show. A subclass names the database;
 * the tests are the same for all. One database serves the whole class, emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AlertStoreContract
    implements RoundTripContract, IntegrityContract, QueryContract, OrderContract, StatsContract {

  private @Nullable TestDatabase database;
  private @Nullable JdbcAlertStore store;
  private @Nullable RuntimeException notOpened;
  private ManualClock clock = new ManualClock(AlertBuilder.T0);

  /** The database to run the contract on; closed after the last test. */
  protected abstract TestDatabase openDatabase();

  /**
   * Opens the database with the first test rather than before all of them, so that a database
   * that is not there (an aborted {@link TestDatabase#postgres()}) shows every test as skipped.
   */
  @BeforeEach
  protected final void emptyStore() {
    if (notOpened != null) {
      throw notOpened;
    }
    if (database == null) {
      try {
        database = openDatabase();
      } catch (RuntimeException e) {
        notOpened = e;
        throw e;
      }
      store = JdbcAlertStore.open(database.dataSource());
    }
    database.clear();
    clock = new ManualClock(AlertBuilder.T0);
  }

  @AfterAll
  protected final void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @Override
  public JdbcAlertStore store() {
    return Objects.requireNonNull(store);
  }

  @Override
  public TestDatabase database() {
    return Objects.requireNonNull(database);
  }

  @Override
  public ManualClock clock() {
    return clock;
  }
}
