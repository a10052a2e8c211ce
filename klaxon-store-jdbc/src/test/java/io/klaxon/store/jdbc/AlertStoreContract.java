package io.klaxon.store.jdbc;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every database under the JDBC store must show. A subclass names the database;
 * the tests are the same for all. One database serves the whole class, emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AlertStoreContract
    implements RoundTripContract, IntegrityContract, QueryContract, OrderContract, StatsContract {

  private TestDatabase database;
  private JdbcAlertStore store;
  private ManualClock clock;

  /** The database to run the contract on; closed after the last test. */
  protected abstract TestDatabase openDatabase();

  @BeforeAll
  void openStore() {
    database = openDatabase();
    store = JdbcAlertStore.open(database.dataSource());
  }

  @AfterAll
  void closeDatabase() {
    if (database != null) {
      database.close();
    }
  }

  @BeforeEach
  void emptyStore() {
    database.clear();
    clock = new ManualClock(AlertBuilder.T0);
  }

  @Override
  public JdbcAlertStore store() {
    return store;
  }

  @Override
  public TestDatabase database() {
    return database;
  }

  @Override
  public ManualClock clock() {
    return clock;
  }
}
