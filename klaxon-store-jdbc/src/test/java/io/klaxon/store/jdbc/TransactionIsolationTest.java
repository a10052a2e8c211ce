package io.klaxon.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.tools.jdbc.DefaultConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jOOQ's transactions on PostgreSQL without asking the server for the isolation level each. */
class TransactionIsolationTest {

  private TestDatabase database;
  private AskingCount pool;

  @BeforeEach
  void open() {
    database = TestDatabase.postgres();
    pool = new AskingCount(database.dataSource());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void transactionsAskThePoolsLevelOnce_andCommit() {
    DSLContext dsl = TransactionIsolation.dsl(pool, Dialect.POSTGRESQL);
    dsl.execute("create table t (n integer)");

    for (int n = 1; n <= 3; n++) {
      int value = n;
      dsl.transaction(tx -> tx.dsl().execute("insert into t values (?)", value));
    }

    assertThat(dsl.fetchValue("select sum(n) from t")).isEqualTo(6L);
    assertThat(pool.asked.get()).isEqualTo(1);
  }

  @Test
  void withoutIt_jooqAsksTheServerInEveryTransaction() {
    DSLContext dsl = DSL.using(pool, Dialect.POSTGRESQL.sqlDialect());

    for (int n = 0; n < 3; n++) {
      dsl.transaction(tx -> tx.dsl().execute("select 1"));
    }

    assertThat(pool.asked.get()).isEqualTo(3);
  }

  @Test
  void aConnectionWhoseLevelIsSetAnswersItsOwn_andTheNextBorrowerThePools() {
    DSLContext dsl = TransactionIsolation.dsl(pool, Dialect.POSTGRESQL);

    int own =
        dsl.connectionResult(
            connection -> {
              connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
              int level = connection.getTransactionIsolation();
              connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
              return level;
            });
    int next = dsl.connectionResult(Connection::getTransactionIsolation);

    assertThat(own).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
    assertThat(next).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
  }

  /** The test database's pool, counting the isolation reads that reach the driver. */
  private static final class AskingCount extends ForwardingDataSource {

    final AtomicInteger asked = new AtomicInteger();

    AskingCount(DataSource delegate) {
      super(delegate);
    }

    @Override
    public Connection getConnection() throws SQLException {
      return new DefaultConnection(delegate.getConnection()) {
        @Override
        public int getTransactionIsolation() throws SQLException {
          asked.incrementAndGet();
          return super.getTransactionIsolation();
        }
      };
    }
  }
}
