package io.klaxon.store.jdbc.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertBuilder;
import io.klaxon.store.AlertCounts;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

  /**
   * On PostgreSQL, partitions that create alerts commit side by side: a commit lands while another
   * partition's commit is held open, and neither waits on a shared row (the feed's counter, the id
   * counter, a count row: all of one kind, as in a benchmark of one alert name).
   */
  @Test
  void aPartitionsCommitLandsWhileAnotherPartitionsCommitIsHeldOpen() throws Exception {
    Alert held = AlertBuilder.alert(1).fingerprint("hosts|server/a-01|disk").build();
    Alert other = AlertBuilder.alert(2).fingerprint("hosts|server/b-02|disk").build();
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService partitions = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          partitions.submit(
              () ->
                  commitHeldOpen(
                      creation(held),
                      () -> {
                        written.countDown();
                        try {
                          release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                      }));
      assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();

      // Lands while the first is held open (the bound is far above any commit's time).
      partitions.submit(() -> store().commit(creation(other))).get(30, TimeUnit.SECONDS);
      assertThat(store().findById(2)).isPresent();
      assertThat(store().findById(1)).isEmpty();

      release.countDown();
      first.get(30, TimeUnit.SECONDS);
      assertThat(store().findById(1)).isPresent();
    } finally {
      release.countDown();
      partitions.shutdownNow();
    }
  }

  /**
   * A fold rewrites each row of {@code alert_occurrences} on its own heap page (a HOT update, which
   * writes no index entry) even when every row of a page is rewritten while an older snapshot still
   * needs the versions before: the table leaves room on each page for a new version of each row
   * (V15, as V19 did for {@code alerts}, where with a fill factor of 90 288 of these 300 rows moved
   * to other pages).
   */
  @Test
  void aFoldRewritesEveryRowOnItsOwnPage_whileAnOlderSnapshotKeepsThePreviousVersions()
      throws SQLException {
    List<Alert> created = new ArrayList<>();
    AlertCounts retriggered = new AlertCounts();
    for (long id = 1; id <= 300; id++) {
      Alert alert = AlertBuilder.alert(id).fingerprint("hosts|server/h-" + id + "|disk").build();
      created.add(alert);
      retriggered.add(
          id, alert.occurrences(), AlertCounts.micros(AlertBuilder.T0.plusSeconds(30)), 2);
    }
    create(created.toArray(Alert[]::new));
    Map<Long, Long> pagesBefore = pagesOfRows();

    try (Connection reader = database().dataSource().getConnection();
        Statement statement = reader.createStatement()) {
      reader.setAutoCommit(false);
      statement.execute("set transaction isolation level repeatable read");
      statement.executeQuery("select count(*) from alert_occurrences").close(); // the snapshot
      store().fold(0, retriggered, List.of());
      reader.rollback();
    }

    assertThat(store().findById(1).orElseThrow().version()).isEqualTo(2);
    Map<Long, Long> pagesAfter = pagesOfRows();
    long moved =
        pagesBefore.entrySet().stream()
            .filter(row -> !row.getValue().equals(pagesAfter.get(row.getKey())))
            .count();
    assertThat(pagesAfter).hasSize(300);
    assertThat(moved).as("rows rewritten on another page").isZero();
  }

  /** Each alert's heap page in {@code alert_occurrences}: its row's current version's block. */
  private Map<Long, Long> pagesOfRows() throws SQLException {
    Map<Long, Long> pages = new HashMap<>();
    try (Connection connection = database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select id, (ctid::text::point)[0]::bigint from alert_occurrences")) {
      while (rows.next()) {
        pages.put(rows.getLong(1), rows.getLong(2));
      }
    }
    return pages;
  }
}
