package io.klaxon.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.DefaultConnection;

/**
 * Connections for jOOQ that know their transaction isolation level without asking PostgreSQL.
 *
 * <p>jOOQ 3.21 reads {@link Connection#getTransactionIsolation} as it begins every transaction
 * (jOOQ issue 20135), and pgjdbc answers that with a query, {@code SHOW TRANSACTION ISOLATION
 * LEVEL}: one more round trip before each of the writer's commits and folds, and, as it runs before
 * the transaction begins, one more (empty) transaction for the server. Klaxon never changes a
 * connection's level, so the pool's first answer is every connection's; a connection whose level is
 * set while borrowed answers that one.
 */
public final class TransactionIsolation implements ConnectionProvider {

  private static final int UNKNOWN = -1;

  private final DataSource dataSource;
  private volatile int poolLevel = UNKNOWN;

  private TransactionIsolation(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** jOOQ over the data source; on PostgreSQL, without the round trip per transaction. */
  public static DSLContext dsl(DataSource dataSource, Dialect dialect) {
    return dialect == Dialect.POSTGRESQL
        ? DSL.using(new TransactionIsolation(dataSource), dialect.sqlDialect())
        : DSL.using(dataSource, dialect.sqlDialect());
  }

  @Override
  public Connection acquire() {
    try {
      return new KnownLevel(dataSource.getConnection());
    } catch (SQLException e) {
      throw new DataAccessException("Error getting connection from data source " + dataSource, e);
    }
  }

  @Override
  public void release(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new DataAccessException("Error closing connection " + connection, e);
    }
  }

  /** A borrowed connection: the pool's level, or the one set on it since it was borrowed. */
  private final class KnownLevel extends DefaultConnection {

    private int ownLevel = UNKNOWN;

    KnownLevel(Connection delegate) {
      super(delegate);
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
      if (ownLevel != UNKNOWN) {
        return ownLevel;
      }
      int level = poolLevel;
      if (level == UNKNOWN) {
        level = super.getTransactionIsolation();
        poolLevel = level;
      }
      return level;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
      super.setTransactionIsolation(level);
      ownLevel = level;
    }
  }
}
