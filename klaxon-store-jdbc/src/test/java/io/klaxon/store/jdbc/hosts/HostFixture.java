package io.klaxon.store.jdbc.hosts;

import io.klaxon.alert.Alert;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.HostAlertChange;
import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.MetricSample;
import io.klaxon.detect.hosts.SignalReport;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.jdbc.ManualClock;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/** What the host contract works with: both stores on one database, an engine, a monitor. */
interface HostFixture {

  /** A thread of its own for each task, as requests to a server have: none waits for another. */
  Executor THREADS = task -> Thread.ofPlatform().daemon().start(task);

  TestDatabase database();

  JdbcAlertStore alerts();

  JdbcHostStore hosts();

  AlertEngine engine();

  HostMonitor monitor();

  ManualClock clock();

  /** Stops the engine and starts engine and monitor anew on the same database. */
  void restart();

  /** One sample of {@code server}'s metric, a minute after the clock's last. */
  default SignalReport sample(String server, Metric metric, double value) {
    clock().advance(Duration.ofMinutes(1));
    return monitor()
        .takeMetrics(List.of(new MetricSample(server, metric, value, clock().instant())));
  }

  /** The alert a report's only change is about. */
  static Alert only(SignalReport report) {
    return only(report.changes());
  }

  static Alert only(List<HostAlertChange> changes) {
    if (changes.size() != 1 || changes.getFirst().alert() == null) {
      throw new AssertionError("expected one alert change, got " + changes);
    }
    return changes.getFirst().alert();
  }

  default AlertState state(String server, int index) {
    return monitor().states(server).get(index);
  }

  /** Counts rows with plain SQL, behind the stores' backs. */
  default long count(String sql, Object... parameters) {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  default int execute(String sql) {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
