package io.klaxon.store.jdbc.escalation;

import io.klaxon.store.jdbc.TestDatabase;

/** The escalation store contract on PostgreSQL, in a schema of its own. */
class PostgresEscalationStoreTest extends EscalationStoreContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
