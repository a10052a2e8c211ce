package io.klaxon.suppress;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Alerts for suppression tests: only what matchers look at varies. */
final class TestAlerts {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private TestAlerts() {}

  static Alert alert(long id, AlertStatus status, Map<String, Object> attributes) {
    return new Alert(
        id,
        "fp-" + id,
        "prometheus",
        "disk",
        Severity.HIGH,
        status,
        "title",
        null,
        null,
        null,
        null,
        null,
        null,
        attributes,
        1,
        T0,
        T0,
        null,
        null,
        status.isFinal() ? T0 : null,
        null,
        null,
        false,
        null,
        1,
        List.of());
  }

  static Alert open(long id, Map<String, Object> attributes) {
    return alert(id, AlertStatus.OPEN, attributes);
  }
}
