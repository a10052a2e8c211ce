package io.klaxon.store.jdbc.mapping;

import io.klaxon.store.jdbc.TestDatabase;

/** The mapping store contract on PostgreSQL, in a schema of its own. */
class PostgresMappingStoreTest extends MappingStoreContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
