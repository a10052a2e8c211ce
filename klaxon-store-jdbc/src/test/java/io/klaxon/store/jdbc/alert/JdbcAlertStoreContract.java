package io.klaxon.store.jdbc.alert;

import io.klaxon.engine.FakeClock;
import io.klaxon.store.AlertBuilder;
import io.klaxon.store.AlertStoreContract;
import io.klaxon.store.jdbc.SharedDatabase;
import io.klaxon.store.jdbc.TestDatabase;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The AlertStore contract on every database under the JDBC store, with what only a database has. A
 * subclass names the database; the tests are the same for all. One database serves the whole class,
 * emptied before each test. The store opens with its own tables only ({@code Schema.ALERTS}), as an
 * embedded program opens it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JdbcAlertStoreContract
    implements AlertStoreContract,
        IntegrityContract,
        ChangeFeedContract,
        PartitionsContract,
        RetriggerLogContract {

  private final SharedDatabase shared = new SharedDatabase(this::openDatabase);
  private @Nullable JdbcAlertStore store;
  private FakeClock clock = new FakeClock(AlertBuilder.T0);

  /** The database to run the contract on; closed after the last test. */
  protected abstract TestDatabase openDatabase();

  /**
   * Opens the database with the first test rather than before all of them, so that a database that
   * is not there (an aborted {@link TestDatabase#postgres()}) shows every test as skipped.
   */
  @BeforeEach
  protected final void emptyStore() {
    boolean first = !shared.isOpen();
    TestDatabase database = shared.get();
    if (first) {
      store = JdbcAlertStore.open(database.dataSource());
    }
    database.clear();
    clock = new FakeClock(AlertBuilder.T0);
  }

  @AfterAll
  protected final void closeDatabase() {
    shared.close();
  }

  @Override
  public JdbcAlertStore store() {
    return Objects.requireNonNull(store);
  }

  @Override
  public TestDatabase database() {
    return shared.get();
  }

  @Override
  public FakeClock clock() {
    return clock;
  }
}
