package io.klaxon.store.jdbc.alert;

import io.klaxon.embed.AlertManagerContract;
import io.klaxon.store.AlertStore;
import io.klaxon.store.jdbc.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The AlertManager contract on the JDBC store over SQLite. */
class SqliteAlertManagerTest extends AlertManagerContract {

  @TempDir Path dir;
  private TestDatabase database;

  @Override
  protected AlertStore openStore() {
    database = TestDatabase.sqlite(dir);
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
