package io.klaxon.store.jdbc.suppress;

import io.klaxon.store.jdbc.TestDatabase;

/** The window and inhibition rule store contract on PostgreSQL, in a schema of its own. */
class PostgresWindowAndRuleStoreTest extends WindowAndRuleStoreContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
