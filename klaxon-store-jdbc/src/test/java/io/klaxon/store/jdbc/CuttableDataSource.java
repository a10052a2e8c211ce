package io.klaxon.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/**
 * A data source that can be cut off, after which it fails as a pool does when its database is gone
 * (HikariCP's connection timeout).
 */
public final class CuttableDataSource extends ForwardingDataSource {

  private volatile boolean cut;

  public CuttableDataSource(DataSource delegate) {
    super(delegate);
  }

  public void cut() {
    cut = true;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (cut) {
      throw new SQLTransientConnectionException(
          "test pool - Connection is not available, request timed out after 30000ms", "08001");
    }
    return delegate.getConnection();
  }
}
