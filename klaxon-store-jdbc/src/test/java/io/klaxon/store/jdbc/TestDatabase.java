package io.klaxon.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway database for tests, on SQLite (a file in a directory) or PostgreSQL (a fresh schema,
 * dropped on close), behind a small connection pool.
 *
 * <p>PostgreSQL is expected at {@value #DEFAULT_POSTGRES_URL}, or at {@code KLAXON_TEST_PG_URL}.
 * When it does not answer, the calling test is aborted (skipped) with a message on stderr; when
 * {@code CI} is {@code true}, it fails instead, so that a build server cannot skip it silently.
 */
public final class TestDatabase implements AutoCloseable {

  public static final String DEFAULT_POSTGRES_URL =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

  private final Dialect dialect;
  private final String jdbcUrl;
  private final String schema;
  private final HikariDataSource dataSource;
  private final Runnable dropSchema;

  private TestDatabase(Dialect dialect, String jdbcUrl, String schema, Runnable dropSchema) {
    this.dialect = dialect;
    this.jdbcUrl = jdbcUrl;
    this.schema = schema;
    this.dropSchema = dropSchema;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("test-" + dialect.name().toLowerCase(Locale.ROOT) + "-" + schema);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    this.dataSource = new HikariDataSource(config);
  }

  /** A SQLite database in {@code dir/klaxon.db}, with the connection settings of production. */
  public static TestDatabase sqlite(Path dir) {
    return new TestDatabase(
        Dialect.SQLITE, Dialect.sqliteUrl(dir.resolve("klaxon.db")), "main", () -> {});
  }

  /**
   * A new, empty PostgreSQL schema {@code klaxon_test_<random>}, the connections' current schema.
   *
   * @throws org.opentest4j.TestAbortedException when PostgreSQL does not answer (outside CI)
   * @throws IllegalStateException when PostgreSQL does not answer and {@code CI} is {@code true}
   */
  public static TestDatabase postgres() {
    String server = System.getenv().getOrDefault("KLAXON_TEST_PG_URL", DEFAULT_POSTGRES_URL);
    String schema =
        "klaxon_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try (Connection connection = connect(server);
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      throw notReachable(server, e);
    }
    String url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    Runnable drop = () -> execute(server, "drop schema " + schema + " cascade");
    return new TestDatabase(Dialect.POSTGRESQL, url, schema, drop);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** A URL that reaches the same database (and schema), for code that builds its own pool. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The PostgreSQL schema, or {@code main} on SQLite. */
  public String schema() {
    return schema;
  }

  /**
   * Empties the alert store's tables, so that one migrated database can serve many tests. Call it
   * only after a store has been opened on this database (the tables exist from then on).
   */
  public void clear() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("delete from alert_log");
      statement.execute("delete from alert_history");
      statement.execute("delete from alerts");
      statement.execute("delete from subjects");
      statement.execute("update alert_ids set last_id = 0, reserved_through = 0");
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the test database: " + e.getMessage(), e);
    }
  }

  /**
   * Inserts an open alert as the schema before V15 held one, its counts in {@code alerts}: for
   * tests of databases an earlier release migrated. Detected and last seen at the same instant.
   */
  public void insertAlertBeforeV15(long id, String fingerprint, long occurrences, long version)
      throws SQLException {
    String at = dialect == Dialect.POSTGRESQL ? "now()" : "1796551200000000";
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "insert into alerts (id, fingerprint, source, type, severity, status, title,"
              + " occurrences, detected_at, last_seen_at, version) values ("
              + id
              + ", '"
              + fingerprint
              + "', 'hosts', 'disk', 'high', 'open', 'Disk', "
              + occurrences
              + ", "
              + at
              + ", "
              + at
              + ", "
              + version
              + ")");
    }
  }

  /** Closes the pool, then drops the PostgreSQL schema with everything in it. */
  @Override
  public void close() {
    dataSource.close();
    dropSchema.run();
  }

  private static Connection connect(String url) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("connectTimeout", "3"); // seconds; a silent host must not stall a build
    return DriverManager.getConnection(url, properties);
  }

  private static void execute(String url, String sql) {
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("could not run '" + sql + "': " + e.getMessage(), e);
    }
  }

  /** In CI, the failure to throw; elsewhere, aborts the calling test (and never returns). */
  private static RuntimeException notReachable(String url, SQLException cause) {
    // Only the address: the URL's parameters may hold a password.
    String address = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    String unreachable = "PostgreSQL not reachable at " + address;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return new IllegalStateException(
          unreachable + ", and CI=true requires it: " + cause.getMessage(), cause);
    }
    String message = unreachable + ": PostgreSQL tests skipped (" + cause.getMessage() + ")";
    System.err.println(message);
    return Assumptions.abort(message);
  }
}
