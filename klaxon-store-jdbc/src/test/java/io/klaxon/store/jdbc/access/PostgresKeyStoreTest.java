package io.klaxon.store.jdbc.access;

import io.klaxon.store.jdbc.TestDatabase;

/** The key store contract on PostgreSQL, in a schema of its own. */
class PostgresKeyStoreTest extends KeyStoreContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
