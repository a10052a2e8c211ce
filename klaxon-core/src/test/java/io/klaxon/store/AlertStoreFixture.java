package io.klaxon.store;

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
import io.klaxon.engine.FakeClock;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What every part of the AlertStore contract works with: the store and a clock. */
public interface AlertStoreFixture {

  AlertStore store();

  FakeClock clock();

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
    List<HistoryEntry> history =
        Arrays.stream(alerts).map(AlertStoreFixture::createdEntry).toList();
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
