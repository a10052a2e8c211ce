package io.klaxon.store.jdbc.notify;

import io.klaxon.store.jdbc.TestDatabase;

/** The notification store contract on PostgreSQL, in a schema of its own. */
class PostgresNotificationStoreTest extends NotificationStoreContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }
}
