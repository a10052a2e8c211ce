package io.klaxon.store.jdbc.mapping;

import io.klaxon.mapping.MappingRegistry;
import io.klaxon.store.jdbc.ManualClock;
import io.klaxon.store.jdbc.SharedDatabase;
import io.klaxon.store.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour the mapping registry must show on every database under the JDBC store. A subclass
 * names the database; one database serves the whole class, emptied before each test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MappingStoreContract
    implements MappingRoundTripContract,
        MappingConflictContract,
        MappingAuditContract,
        UnmappedContract {

  private final SharedDatabase shared = new SharedDatabase(this::openDatabase);
  private @Nullable JdbcMappingStore store;
  private @Nullable MappingRegistry registry;
  private ManualClock clock = new ManualClock(MappingFixture.T0);

  /** The database to run the contract on; closed after the last test. */
  protected abstract TestDatabase openDatabase();

  /** Opens the database with the first test, so that a missing one shows every test skipped. */
  @BeforeEach
  protected final void emptyRegistry() throws SQLException {
    boolean first = !shared.isOpen();
    TestDatabase database = shared.get();
    if (first) {
      store = JdbcMappingStore.open(database.dataSource());
    }
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("delete from unmapped_markets");
      statement.execute("delete from mapping_audit_log");
      statement.execute("delete from mapping_source_ids");
      statement.execute("delete from market_mappings");
    }
    clock = new ManualClock(MappingFixture.T0);
    registry = MappingRegistry.open(store(), clock);
  }

  @AfterAll
  protected final void closeDatabase() {
    shared.close();
  }

  @Override
  public JdbcMappingStore store() {
    return Objects.requireNonNull(store);
  }

  @Override
  public MappingRegistry registry() {
    return Objects.requireNonNull(registry);
  }

  @Override
  public TestDatabase database() {
    return shared.get();
  }

  @Override
  public ManualClock clock() {
    return clock;
  }
}
