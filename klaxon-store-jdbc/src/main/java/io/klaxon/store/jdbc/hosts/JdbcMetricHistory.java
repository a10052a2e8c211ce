package io.klaxon.store.jdbc.hosts;

import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.detect.hosts.MetricPoint;
import io.klaxon.detect.hosts.MetricQuery;
import io.klaxon.detect.hosts.MetricSample;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@link MetricHistory} on SQLite or PostgreSQL, in the tables of migration V40, beside a
 * {@link JdbcHostStore} on the same database. Plain JDBC: keeping samples is on the ingest path of
 * every metrics request: one transaction per request, a few multi-row inserts, no per-value
 * conversion on the way.
 */
public final class JdbcMetricHistory implements MetricHistory {

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String rollUp;
  private final String fullInsert = MetricSql.keep(MetricSql.ROWS_PER_INSERT);

  private JdbcMetricHistory(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.rollUp = MetricSql.rollUp(dialect);
  }

  /**
   * Opens the history on a database that {@code JdbcAlertStore.open(dataSource, Schema.SERVER)} has
   * migrated.
   *
   * @throws IllegalArgumentException when the database is neither SQLite nor PostgreSQL
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcMetricHistory open(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return new JdbcMetricHistory(dataSource, Dialect.ofProductName(product));
    } catch (SQLException e) {
      throw new Unavailable(
          "the metric history's database cannot be reached: " + e.getMessage(), e);
    }
  }

  @Override
  public void keep(List<MetricSample> samples) {
    if (samples.isEmpty()) {
      return;
    }
    inTransaction(
        "keep metric samples",
        connection -> {
          int full = samples.size() / MetricSql.ROWS_PER_INSERT;
          if (full > 0) {
            try (PreparedStatement insert = connection.prepareStatement(fullInsert)) {
              for (int chunk = 0; chunk < full; chunk++) {
                int first = chunk * MetricSql.ROWS_PER_INSERT;
                bind(insert, samples.subList(first, first + MetricSql.ROWS_PER_INSERT));
                insert.executeUpdate();
              }
            }
          }
          List<MetricSample> rest =
              samples.subList(full * MetricSql.ROWS_PER_INSERT, samples.size());
          if (!rest.isEmpty()) {
            try (PreparedStatement insert =
                connection.prepareStatement(MetricSql.keep(rest.size()))) {
              bind(insert, rest);
              insert.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public List<MetricPoint> read(MetricQuery query) {
    long from = micros(query.from());
    long to = micros(query.to());
    long step = query.step().toNanos() / 1_000;
    return inTransaction(
        "read a metric's history",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(MetricSql.READ)) {
            for (int table = 0; table < 2; table++) {
              int base = table * 6;
              select.setLong(base + 1, from);
              select.setLong(base + 2, step);
              select.setString(base + 3, query.server());
              select.setString(base + 4, query.metric().word());
              select.setLong(base + 5, from);
              select.setLong(base + 6, to);
            }
            List<MetricPoint> points = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                points.add(
                    new MetricPoint(
                        instant(from + rows.getLong(1) * step),
                        rows.getDouble(2),
                        rows.getDouble(3),
                        rows.getDouble(4),
                        rows.getLong(5)));
              }
            }
            return points;
          }
        });
  }

  @Override
  public Retained retain(Instant rollUpBefore, Instant deleteBefore) {
    long rollUpAt = micros(rollUpBefore.truncatedTo(ChronoUnit.MINUTES));
    long deleteAt = micros(deleteBefore.truncatedTo(ChronoUnit.MINUTES));
    List<String> servers =
        inTransaction(
            "list the servers",
            connection -> {
              List<String> ids = new ArrayList<>();
              try (PreparedStatement select = connection.prepareStatement(MetricSql.SERVERS);
                  ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                  ids.add(rows.getString(1));
                }
              }
              return ids;
            });
    long rolledUp = 0;
    long deleted = 0;
    // One transaction per server: the write lock is held briefly, and ingest goes on between.
    for (String server : servers) {
      long[] counts =
          inTransaction(
              "roll up a server's metric history",
              connection -> {
                update(connection, rollUp, server, rollUpAt);
                long samples =
                    update(
                        connection, MetricSql.DELETE_SAMPLES, server, Math.max(rollUpAt, deleteAt));
                long minutes = update(connection, MetricSql.DELETE_MINUTES, server, deleteAt);
                return new long[] {samples, minutes};
              });
      rolledUp += counts[0];
      deleted += counts[1];
    }
    return new Retained(rolledUp, deleted);
  }

  private static void bind(PreparedStatement insert, List<MetricSample> samples)
      throws SQLException {
    int index = 1;
    for (MetricSample sample : samples) {
      insert.setString(index++, sample.server());
      insert.setString(index++, sample.metric().word());
      insert.setLong(index++, micros(sample.observedAt()));
      insert.setDouble(index++, sample.value());
    }
  }

  private static long update(Connection connection, String sql, String server, long before)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, server);
      statement.setLong(2, before);
      return statement.executeUpdate();
    }
  }

  /** What a transaction does with its connection. */
  private interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  private <T> T inTransaction(String what, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.on(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      if (dialect.isUnavailable(e)) {
        throw new Unavailable(
            "the metric history (" + dialect.productName() + ") cannot be reached to " + what, e);
      }
      throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1_000);
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
  }
}
