package io.klaxon.store.jdbc.alert;

import static io.klaxon.store.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Partitioning;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The engine's partitions as the database records them, and each partition's active alerts. */
interface PartitionsContract extends StoreFixture {

  @Test
  default void aNewDatabaseRecordsOnePartitionOnSqliteAndSixteenOnPostgresql() {
    int expected = database().dialect() == Dialect.POSTGRESQL ? 16 : 1;

    assertThat(store().partitioning()).isEqualTo(new Partitioning(expected));
    assertThat(JdbcAlertStore.open(database().dataSource()).partitioning().count())
        .isEqualTo(expected);
    assertThat(JdbcAlertStore.open(database().dataSource(), expected).partitioning().count())
        .isEqualTo(expected);
  }

  @Test
  default void openingWithAnotherNumberOfPartitions_isRefused_sayingWhatToDo() {
    int recorded = store().partitioning().count();

    assertThatThrownBy(() -> JdbcAlertStore.open(database().dataSource(), recorded + 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("klaxon.engine.partitions is " + (recorded + 1))
        .hasMessageContaining("created with " + recorded + " partitions")
        .hasMessageContaining("set klaxon.engine.partitions=" + recorded);
    assertThat(JdbcAlertStore.open(database().dataSource()).partitioning().count())
        .as("the refusal changed nothing")
        .isEqualTo(recorded);
  }

  @Test
  default void eachPartitionLoadsItsOwnActiveAlerts_andTogetherTheyAreAll() {
    Partitioning partitioning = store().partitioning();
    List<Alert> alerts = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      alerts.add(
          alert(i)
              .fingerprint("hosts|server/srv-" + i + "|disk")
              .status(i % 5 == 0 ? AlertStatus.RESOLVED : AlertStatus.OPEN)
              .build());
    }
    create(alerts.toArray(Alert[]::new));

    List<Long> union = new ArrayList<>();
    for (int p = 0; p < partitioning.count(); p++) {
      int partition = p;
      List<Alert> mine = store().loadActive(partition);
      assertThat(mine)
          .allSatisfy(a -> assertThat(partitioning.of(a.fingerprint())).isEqualTo(partition));
      mine.forEach(a -> union.add(a.id()));
    }
    assertThat(union)
        .containsExactlyInAnyOrderElementsOf(store().loadActive().stream().map(Alert::id).toList())
        .hasSize(32);
  }

  @Test
  default void activeAlertsHandedOneAtATime_areTheOnesListed_inTheSameOrder() {
    Partitioning partitioning = store().partitioning();
    List<Alert> alerts = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      alerts.add(
          alert(i)
              .fingerprint("hosts|server/srv-" + i + "|cpu")
              .status(i % 3 == 0 ? AlertStatus.RESOLVED : AlertStatus.OPEN)
              .attributes(Map.of("labels.instance", "srv-" + i))
              .build());
    }
    create(alerts.toArray(Alert[]::new));

    List<Alert> all = new ArrayList<>();
    store().forEachActive(all::add);
    assertThat(all).hasSize(20).containsExactlyElementsOf(store().loadActive());
    for (int p = 0; p < partitioning.count(); p++) {
      List<Alert> mine = new ArrayList<>();
      store().forEachActive(p, mine::add);
      assertThat(mine).containsExactlyElementsOf(store().loadActive(p));
    }
  }

  @Test
  default void aDatabaseThatHeldAlertsBeforePartitions_keepsOnePartition() throws SQLException {
    try (TestDatabase old = freshDatabase()) {
      Flyway.configure(JdbcAlertStore.class.getClassLoader())
          .dataSource(old.dataSource())
          .locations(Schema.SERVER.locations(old.dialect()).toArray(String[]::new))
          .target("11")
          .load()
          .migrate();
      old.insertAlertBeforeV15(7, "hosts|server/nas-01|disk", 1, 1);
      try (Connection connection = old.dataSource().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("update alert_ids set last_id = 7");
      }

      JdbcAlertStore upgraded = JdbcAlertStore.open(old.dataSource());

      assertThat(upgraded.partitioning()).isEqualTo(Partitioning.SINGLE);
      assertThat(upgraded.loadActive(0)).extracting(Alert::id).containsExactly(7L);
      assertThatThrownBy(() -> JdbcAlertStore.open(old.dataSource(), 16))
          .hasMessageContaining("created with 1 partitions");
    }
  }

  private TestDatabase freshDatabase() {
    if (database().dialect() == Dialect.POSTGRESQL) {
      return TestDatabase.postgres();
    }
    try {
      return TestDatabase.sqlite(Files.createTempDirectory("klaxon-partitions"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
