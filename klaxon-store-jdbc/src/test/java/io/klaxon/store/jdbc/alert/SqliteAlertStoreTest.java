package io.klaxon.store.jdbc.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The store contract on SQLite, and SQLite's own connection settings. */
class SqliteAlertStoreTest extends JdbcAlertStoreContract {

  @TempDir static Path directory;

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.sqlite(directory);
  }

  @Test
  void everyPooledConnectionEnforcesForeignKeysWaitsWhenBusyAndCheckpointsEveryTenThousandPages()
      throws SQLException {
    List<Connection> connections = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) { // held at once, so they are distinct connections
        connections.add(database().dataSource().getConnection());
      }
      for (Connection connection : connections) {
        assertThat(pragma(connection, "foreign_keys")).isEqualTo("1");
        assertThat(pragma(connection, "busy_timeout")).isEqualTo("10000");
        assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(connection, "wal_autocheckpoint")).isEqualTo("10000");
      }
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
    }
  }

  @Test
  void aDataSourceWithoutForeignKeysIsRefused() {
    SQLiteDataSource plain = new SQLiteDataSource();
    plain.setUrl("jdbc:sqlite:" + directory.resolve("plain.db"));

    assertThatThrownBy(() -> JdbcAlertStore.open(plain))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("foreign_keys=true");
  }

  @Test
  void aFileThatCannotBeOpenedMakesTheStoreUnavailable() {
    SQLiteDataSource missing = new SQLiteDataSource();
    missing.setUrl(Dialect.sqliteUrl(directory.resolve("no/such/dir/klaxon.db")));

    assertThatThrownBy(() -> JdbcAlertStore.open(missing)).isInstanceOf(Unavailable.class);
  }

  private static String pragma(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("pragma " + name)) {
      result.next();
      return result.getString(1);
    }
  }
}
