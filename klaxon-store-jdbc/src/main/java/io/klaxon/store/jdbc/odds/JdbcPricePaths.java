package io.klaxon.store.jdbc.odds;

import io.klaxon.detect.odds.PricePaths;
import io.klaxon.detect.odds.PricePoint;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The {@link PricePaths} on SQLite or PostgreSQL, in the table of migration V41, beside the alert
 * store on the same database. Plain JDBC, no dialect differences.
 */
public final class JdbcPricePaths implements PricePaths {

  // Only while the alert exists: one deleted meanwhile (retention, purge) gets no points.
  private static final String KEEP =
      "INSERT INTO alert_price_points (alert_id, bookmaker, house, at, odds)"
          + " SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM alerts WHERE id = ?)"
          + " ON CONFLICT (alert_id, bookmaker, at) DO NOTHING";

  private static final String TRIM =
      "DELETE FROM alert_price_points WHERE alert_id = ? AND (bookmaker, at) NOT IN ("
          + " SELECT bookmaker, at FROM alert_price_points WHERE alert_id = ?"
          + " ORDER BY at DESC, house DESC, bookmaker LIMIT ?)";

  private static final String READ =
      "SELECT bookmaker, house, at, odds FROM alert_price_points WHERE alert_id = ?"
          + " ORDER BY house DESC, bookmaker, at";

  private final DataSource dataSource;
  private final Dialect dialect;

  private JdbcPricePaths(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * Opens the price paths on a database whose schema the alert store has migrated.
   *
   * @throws Unavailable when the database cannot be reached
   */
  public static JdbcPricePaths open(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      return new JdbcPricePaths(dataSource, Dialect.ofProductName(product));
    } catch (SQLException e) {
      throw new Unavailable("the price paths' database cannot be reached: " + e.getMessage(), e);
    }
  }

  @Override
  public void keep(long alertId, List<PricePoint> points, int max) {
    if (points.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(KEEP);
          PreparedStatement trim = connection.prepareStatement(TRIM)) {
        for (PricePoint point : points) {
          insert.setLong(1, alertId);
          insert.setString(2, point.bookmaker());
          insert.setBoolean(3, point.house());
          insert.setLong(4, micros(point.at()));
          insert.setDouble(5, point.odds());
          insert.setLong(6, alertId);
          insert.addBatch();
        }
        insert.executeBatch();
        trim.setLong(1, alertId);
        trim.setLong(2, alertId);
        trim.setInt(3, max);
        trim.executeUpdate();
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw failure("keep an alert's price points", e);
    }
  }

  @Override
  public List<PricePoint> read(long alertId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(READ)) {
      select.setLong(1, alertId);
      List<PricePoint> points = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long micros = rows.getLong(3);
          points.add(
              new PricePoint(
                  rows.getString(1),
                  rows.getBoolean(2),
                  Instant.ofEpochSecond(
                      Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000),
                  rows.getDouble(4)));
        }
      }
      return points;
    } catch (SQLException e) {
      throw failure("read an alert's price points", e);
    }
  }

  private RuntimeException failure(String what, SQLException e) {
    if (dialect.isUnavailable(e)) {
      return new Unavailable(
          "the price paths (" + dialect.productName() + ") cannot be reached to " + what, e);
    }
    return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }
}
