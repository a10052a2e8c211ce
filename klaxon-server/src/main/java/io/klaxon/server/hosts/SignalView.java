package io.klaxon.server.hosts;

import io.klaxon.alert.Alert;
import io.klaxon.detect.hosts.HostAlertChange;
import io.klaxon.detect.hosts.SignalReport;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What became of a request's signals: how many were taken in or ignored (not newer than the last of
 * their check), the servers registered on the way, and the alert changes they caused.
 */
record SignalView(int accepted, int ignored, List<String> registered, List<Change> changes) {

  /** One alert change: which server and check, what happened, and the alert after it. */
  record Change(
      String server,
      String type,
      @Nullable String service,
      String outcome,
      @Nullable Long alertId,
      @Nullable String status,
      @Nullable String severity) {

    static Change of(HostAlertChange change) {
      Alert alert = change.alert();
      String service = change.key().service();
      return new Change(
          change.key().server(),
          change.key().check().word(),
          service.isEmpty() ? null : service,
          change.outcome().word(),
          alert == null ? null : alert.id(),
          alert == null ? null : alert.status().word(),
          alert == null ? null : alert.severity().word());
    }
  }

  static SignalView of(SignalReport report) {
    return new SignalView(
        report.accepted(),
        report.ignored(),
        report.registered(),
        report.changes().stream().map(Change::of).toList());
  }
}
