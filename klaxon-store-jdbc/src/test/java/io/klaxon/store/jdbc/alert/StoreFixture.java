package io.klaxon.store.jdbc.alert;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.jdbc.ManualClock;
import io.klaxon.store.jdbc.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What every part of the store contract works with: the store, its database and a clock. */
public interface StoreFixture {

  JdbcAlertStore store();

  TestDatabase database();

  ManualClock clock();

  /** A new engine on the store, loading its active alerts as at start-up; close it after use. */
  default AlertEngine engine() {
    return AlertEngine.start(store(), clock());
  }

  /** Commits new alerts with their subjects and {@code created} history, as the engine does. */
  default void create(Alert... alerts) {
    store().commit(creation(alerts));
  }

  default ChangeSet creation(Alert... alerts) {
    List<Subject> subjects =
        List.copyOf(
            new LinkedHashSet<>(
                Arrays.stream(alerts).map(Alert::subject).filter(Objects::nonNull).toList()));
    List<HistoryEntry> history = Arrays.stream(alerts).map(StoreFixture::createdEntry).toList();
    return new ChangeSet(subjects, List.of(alerts), List.of(), history);
  }

  static HistoryEntry createdEntry(Alert alert) {
    return new HistoryEntry(
        alert.id(),
        alert.version(),
        alert.detectedAt(),
        alert.source(),
        HistoryAction.CREATED,
        null,
        alert.status(),
        List.of(),
        null);
  }

  default Alert stored(long id) {
    return store().findById(id).orElseThrow();
  }

  static List<Long> ids(AlertPage page) {
    return page.alerts().stream().map(Alert::id).toList();
  }

  static AlertCommand.Trigger trigger(String fingerprint, Subject subject) {
    return new AlertCommand.Trigger(
        fingerprint,
        "hosts",
        "disk",
        Severity.HIGH,
        "Disk almost full on " + subject.key(),
        null,
        subject,
        91.5,
        90.0,
        null,
        Map.of("mount", "/data"),
        null,
        null,
        Actor.of("detector"));
  }

  /** Runs SQL on the store's database directly, behind the store's back. */
  default int execute(String sql, Object... parameters) {
    try (Connection connection = database().dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  static Map<AlertStatus, Long> statusCounts(
      long open, long acknowledged, long resolved, long dismissed, long expired) {
    return Map.of(
        AlertStatus.OPEN,
        open,
        AlertStatus.ACKNOWLEDGED,
        acknowledged,
        AlertStatus.RESOLVED,
        resolved,
        AlertStatus.DISMISSED,
        dismissed,
        AlertStatus.EXPIRED,
        expired);
  }
}
