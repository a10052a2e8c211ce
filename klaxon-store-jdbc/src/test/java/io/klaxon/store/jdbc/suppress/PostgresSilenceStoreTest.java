package io.klaxon.store.jdbc.suppress;

import io.klaxon.store.jdbc.TestDatabase;

/** The silence store contract on PostgreSQL, in a schema of its own. */
class PostgresSilenceStoreTest extends SilenceStoreContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
