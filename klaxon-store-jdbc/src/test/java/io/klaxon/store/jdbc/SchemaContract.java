package io.klaxon.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.AlertStoreFixture;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two schemas: an embedded program's database gets the alert store's tables and no others, the
 * server's gets all, and databases migrated by earlier versions (every migration in one location)
 * open as either without a manual step. A subclass names the database.
 */
public abstract class SchemaContract {

  /** What {@link JdbcAlertStore} reads and writes, and Flyway's history. */
  static final Set<String> ALERT_TABLES =
      Set.of(
          "alerts",
          "alert_occurrences",
          "alert_history",
          "alert_ids",
          "alert_counts",
          "alert_counts_by_time",
          "engine_partitions",
          "alert_feed",
          "alert_log",
          "subjects",
          "flyway_schema_history");

  /** A few tables of the server's features, one per feature. */
  static final Set<String> SOME_SERVER_TABLES =
      Set.of(
          "market_mappings",
          "servers",
          "api_keys",
          "job_leases",
          "notifications",
          "silences",
          "escalations");

  static final Subject NAS_01 = Subject.of("server", "nas-01", "NAS 01");

  @TempDir protected Path dir;

  /** A new, empty database. */
  protected abstract TestDatabase newDatabase();

  @Test
  void theAlertStoreCreatesOnlyTheTablesItUses() {
    try (TestDatabase database = newDatabase()) {
      JdbcAlertStore.open(database.dataSource());

      assertThat(tables(database)).isEqualTo(ALERT_TABLES);
    }
  }

  @Test
  void theServerAddsItsTablesToADatabaseTheLibraryMade_andTheLibraryStillOpensIt() {
    try (TestDatabase database = newDatabase()) {
      Alert created = trigger(JdbcAlertStore.open(database.dataSource()));

      JdbcAlertStore server = JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
      JdbcAlertStore library = JdbcAlertStore.open(database.dataSource());

      assertThat(tables(database)).containsAll(ALERT_TABLES).containsAll(SOME_SERVER_TABLES);
      assertThat(server.findById(created.id())).contains(created);
      assertThat(library.findById(created.id())).contains(created);
      assertThat(failedMigrations(database)).isZero();
    }
  }

  @Test
  void aDatabaseMigratedBeforeTheSplit_opensAsEitherSchema_withoutRunningAMigrationAgain()
      throws IOException {
    try (TestDatabase database = newDatabase()) {
      Path oneLocation = migrationsInOneFolder(database.dialect());
      Flyway.configure()
          .dataSource(database.dataSource())
          .locations("filesystem:" + oneLocation)
          .load()
          .migrate();
      int applied = appliedMigrations(database);

      Alert created = trigger(JdbcAlertStore.open(database.dataSource()));
      JdbcAlertStore server = JdbcAlertStore.open(database.dataSource(), Schema.SERVER);

      assertThat(appliedMigrations(database)).isEqualTo(applied);
      assertThat(server.findById(created.id())).contains(created);
      assertThat(tables(database)).containsAll(SOME_SERVER_TABLES);
    }
  }

  @Test
  void aDatabaseWithLaterAlertMigrations_getsTheOccurrencesTableOutOfOrder_withItsAlertsCounts()
      throws IOException, SQLException {
    try (TestDatabase database = newDatabase()) {
      // The alert migrations of a release before V15, which had V16 to V21 already.
      Path before = Files.createDirectories(dir.resolve("alert-migrations-before-v15"));
      try (Stream<Path> files = Files.list(classpathFolder(alertLocation(database.dialect())))) {
        for (Path file : files.toList()) {
          if (!file.getFileName().toString().startsWith("V15__")) {
            Files.copy(file, before.resolve(file.getFileName()));
          }
        }
      }
      Flyway.configure()
          .dataSource(database.dataSource())
          .locations("filesystem:" + before)
          .load()
          .migrate();
      database.insertAlertBeforeV15(7, "disk:nas-01", 42, 9);

      Alert upgraded = JdbcAlertStore.open(database.dataSource()).findById(7).orElseThrow();

      assertThat(upgraded.occurrences()).isEqualTo(42);
      assertThat(upgraded.version()).isEqualTo(9);
      assertThat(upgraded.lastSeenAt()).isEqualTo(upgraded.detectedAt());
      assertThat(failedMigrations(database)).isZero();
    }
  }

  private static String alertLocation(Dialect dialect) {
    return Schema.ALERTS.locations(dialect).getFirst();
  }

  /** Every migration of both locations copied into one folder: the layout before the split. */
  private Path migrationsInOneFolder(Dialect dialect) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("migrations-before-the-split"));
    for (String location : Schema.SERVER.locations(dialect)) {
      try (Stream<Path> files = Files.list(classpathFolder(location))) {
        for (Path file : files.toList()) {
          Files.copy(file, folder.resolve(file.getFileName()));
        }
      }
    }
    return folder;
  }

  private static Path classpathFolder(String location) {
    String path = location.substring("classpath:".length());
    URL url = Objects.requireNonNull(SchemaContract.class.getClassLoader().getResource(path), path);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Alert trigger(JdbcAlertStore store) {
    try (AlertEngine engine =
        AlertEngine.start(store, () -> Instant.parse("2026-12-06T10:00:00Z"))) {
      return Objects.requireNonNull(
          engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS_01)).alertOrThrow());
    }
  }

  private static Set<String> tables(TestDatabase database) {
    String sql =
        database.dialect() == Dialect.SQLITE
            ? "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            : "select table_name from information_schema.tables"
                + " where table_schema = current_schema() and table_type = 'BASE TABLE'";
    return new TreeSet<>(strings(database.dataSource(), sql));
  }

  private static int appliedMigrations(TestDatabase database) {
    return strings(database.dataSource(), "select version from flyway_schema_history").size();
  }

  private static int failedMigrations(TestDatabase database) {
    return strings(
            database.dataSource(), "select version from flyway_schema_history where not success")
        .size();
  }

  private static List<String> strings(DataSource dataSource, String sql) {
    List<String> values = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }
}
