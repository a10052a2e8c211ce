package io.klaxon.store.jdbc.alert;

import io.klaxon.embed.AlertManagerContract;
import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.TestDatabase;

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
