package io.klaxon.notify;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.store.AlertChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Alerts and their changes for the notification tests. */
final class Alerts {

  static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private Alerts() {}

  static Alert alert(long id, String source, Severity severity, AlertStatus status) {
    return new Alert(
        id,
        "fp-" + id,
        source,
        "disk",
        severity,
        status,
        "Disk full on " + id,
        null,
        Subject.of("server", "nas-" + id, null),
        null,
        null,
        null,
        null,
        Map.of("mount", "/data", "rack", 7),
        1,
        T0,
        T0,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        1,
        List.of());
  }

  static HistoryEntry entry(
      long id,
      HistoryAction action,
      @Nullable AlertStatus from,
      AlertStatus to,
      Instant at,
      HistoryEntry.FieldChange... changes) {
    return new HistoryEntry(id, 1, at, "test", action, from, to, List.of(changes), null);
  }

  static AlertChange opened(long position, Alert alert, Instant at) {
    return new AlertChange(
        position, entry(alert.id(), HistoryAction.CREATED, null, AlertStatus.OPEN, at), alert);
  }

  static AlertChange change(
      long position, Alert alert, HistoryAction action, AlertStatus to, Instant at) {
    return new AlertChange(position, entry(alert.id(), action, AlertStatus.OPEN, to, at), alert);
  }
}
