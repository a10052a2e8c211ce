package io.klaxon.lake;

import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;

/** The AlertManager contract on the JDBC store over PostgreSQL (a fresh schema per test). */
class PostgresAlertManagerTest extends AlertManagerContract {

  private TestDatabase database;

  @Override
  protected AlertStore openStore() {
    database = TestDatabase.postgres();
    return JdbcAlertStore.open(database.dataSource());
  }

  @Override
  protected AlertStore reopenStore() {
    return JdbcAlertStore.open(database.dataSource());
  }

  @Override
  protected void closeStore() {
    database.close();
  }
}
