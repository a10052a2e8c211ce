package io.klaxon.store.jdbc.hosts;

import io.klaxon.store.jdbc.TestDatabase;

/** The host store and detector on PostgreSQL, in a schema of its own. */
class PostgresHostStoreTest extends HostStoreContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
