package io.klaxon.store.jdbc.alert;

import io.klaxon.store.AlertStoreFixture;
import io.klaxon.store.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The AlertStore fixture over a JDBC store: its database too, to reach behind the store's back. */
public interface StoreFixture extends AlertStoreFixture {

  @Override
  JdbcAlertStore store();

  TestDatabase database();

  /** Runs SQL on the store's database directly, behind the store's back. */
  default int execute(String sql, Object... parameters) {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
