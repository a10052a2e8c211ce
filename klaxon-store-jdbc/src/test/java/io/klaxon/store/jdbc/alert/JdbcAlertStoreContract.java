package io.klaxon.store.jdbc.alert;

import io.klaxon.engine.FakeClock;
import io.klaxon.store.AlertBuilder;
import io.klaxon.store.AlertStoreContract;
import io.klaxon.store.ChangeFeed;
import io.klaxon.store.ChangeFeedContract;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.SharedDatabase;
import io.klaxon.store.jdbc.TestDatabase;
import java.util.Objects;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The AlertStore and ChangeFeed contracts on every database under the JDBC store, with what only a
 * database has. A subclass names the database; the tests are the same for all. One database serves
 * the whole class, emptied before each test. The store opens with its own tables only ({@code
 * Schema.ALERTS}), as an embedded program opens it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JdbcAlertStoreContract
    implements AlertStoreContract, IntegrityContract, ChangeFeedContract, PartitionsContract {

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

  @Override
  public ChangeFeed feed() {
    return store();
  }

  /** A second writer on the store's database, as another partition's commits are. */
  @Override
  public void commitHeldOpen(ChangeSet changes, Runnable whileOpen) {
    Dialect dialect = store().dialect();
    AlertTables tables = new AlertTables(dialect);
    new AlertWriter(
            DSL.using(database().dataSource(), dialect.sqlDialect()),
            dialect,
            tables,
            new AlertRows(tables),
            store().partitioning())
        .commit(changes, whileOpen);
  }
}
