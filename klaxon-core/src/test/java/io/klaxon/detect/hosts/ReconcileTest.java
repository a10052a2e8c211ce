package io.klaxon.detect.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A state is put in line with the engine's active alert before it is used. */
class ReconcileTest {

  static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  static final StateKey CPU = StateKey.metric("nas-01", Metric.CPU);

  @Test
  void anActiveAlertTheStateDoesNotKnow_isAdopted() {
    AlertState lagging = AlertState.initial(CPU);

    AlertState adopted = Reconcile.with(lagging, Optional.of(alert(7, Severity.CRITICAL)), T0);

    assertThat(adopted.activeAlertId()).isEqualTo(7);
    assertThat(adopted.alertSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(adopted.lastAlertAt()).isEqualTo(T0.minusSeconds(60));
  }

  @Test
  void aStateInLineWithItsAlert_isLeftAsItIs() {
    AlertState state =
        Reconcile.with(AlertState.initial(CPU), Optional.of(alert(7, Severity.HIGH)), T0);

    assertThat(Reconcile.with(state, Optional.of(alert(7, Severity.HIGH)), T0)).isSameAs(state);
  }

  @Test
  void anAlertClosedOutsideTheDetector_endsTheStatesAlert_andStartsTheCoolDown() {
    AlertState alerting =
        Reconcile.with(AlertState.initial(CPU), Optional.of(alert(7, Severity.HIGH)), T0);

    AlertState closed = Reconcile.with(alerting, Optional.empty(), T0.plusSeconds(5));

    assertThat(closed.alerting()).isFalse();
    assertThat(closed.activeAlertId()).isNull();
    assertThat(closed.lastResolvedAt()).isEqualTo(T0.plusSeconds(5));
  }

  private static Alert alert(long id, Severity severity) {
    return new Alert(
        id,
        HostAlerts.fingerprint(CPU),
        "hosts",
        "cpu",
        severity,
        AlertStatus.OPEN,
        "CPU",
        null,
        null,
        92.0,
        null,
        85.0,
        null,
        Map.of(),
        1,
        T0.minusSeconds(60),
        T0.minusSeconds(60),
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
}
