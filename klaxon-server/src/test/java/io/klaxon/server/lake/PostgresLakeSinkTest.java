package io.klaxon.server.lake;

import io.klaxon.store.jdbc.TestDatabase;
import org.junit.jupiter.api.AfterEach;

/** The lake sink across restarts on PostgreSQL, in a schema of its own. */
class PostgresLakeSinkTest extends LakeSinkRestartContract {

  private TestDatabase database;

  @Override
  protected String jdbcUrl() {
    if (database == null) {
      database = TestDatabase.postgres();
    }
    return database.jdbcUrl();
  }

  @AfterEach
  void dropSchema() {
    if (database != null) {
      database.close();
    }
  }
}
