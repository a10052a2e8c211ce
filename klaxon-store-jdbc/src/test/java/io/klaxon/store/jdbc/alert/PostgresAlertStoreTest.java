package io.klaxon.store.jdbc.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The store contract on PostgreSQL, in a schema of its own. */
class PostgresAlertStoreTest extends JdbcAlertStoreContract {

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }

  @Test
  void theStoreRunsInTheTestSchema() {
    assertThat(database().schema()).startsWith("klaxon_test_");
    assertThat(store().dialect()).isEqualTo(Dialect.POSTGRESQL);
    assertThat(execute("update alert_ids set last_id = last_id")).isEqualTo(1);
  }

  @Test
  void aServerThatRefusesConnectionsMakesTheStoreUnavailable() {
    PGSimpleDataSource nowhere = new PGSimpleDataSource();
    nowhere.setServerNames(new String[] {"127.0.0.1"});
    nowhere.setPortNumbers(new int[] {1}); // nothing listens on port 1
    nowhere.setDatabaseName("test");
    nowhere.setUser("postgres");

    assertThatThrownBy(() -> JdbcAlertStore.open(nowhere))
        .isInstanceOf(Unavailable.class)
        .hasMessageContaining("cannot be reached");
  }
}
