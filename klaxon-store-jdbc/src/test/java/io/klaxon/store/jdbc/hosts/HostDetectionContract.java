package io.klaxon.store.jdbc.hosts;

import static io.klaxon.store.jdbc.hosts.HostFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.Heartbeat;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.ServiceStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The host detector's rules, driven by explicit sample sequences and a manual clock, with the
 * alerts and states on the database; restarts start a new engine and monitor on it.
 */
interface HostDetectionContract extends HostFixture {

  @Test
  default void threeBreachesInARow_openAnAlert_andTheStateIsStored() {
    assertThat(sample("nas-01", Metric.CPU, 90).changes()).isEmpty();
    assertThat(sample("nas-01", Metric.CPU, 91).changes()).isEmpty();
    Alert alert = only(sample("nas-01", Metric.CPU, 92));

    assertThat(alerts().findById(alert.id())).contains(alert);
    assertThat(alert.type()).isEqualTo("cpu");
    assertThat(alert.subject().reference()).isEqualTo("server/nas-01");
    AlertState stored = hosts().loadStates().getFirst();
    assertThat(stored.consecutiveBreaches()).isEqualTo(3);
    assertThat(stored.activeAlertId()).isEqualTo(alert.id());
    assertThat(stored).isEqualTo(state("nas-01", 0));
  }

  @Test
  default void aRiseToCritical_escalates_andTwoSamplesUnderHigh_resolveAutomatically() {
    sample("nas-01", Metric.MEMORY, 90);
    sample("nas-01", Metric.MEMORY, 90);
    long id = only(sample("nas-01", Metric.MEMORY, 90)).id();

    assertThat(only(sample("nas-01", Metric.MEMORY, 96)).severity()).isEqualTo(Severity.CRITICAL);
    sample("nas-01", Metric.MEMORY, 50);
    Alert resolved = only(sample("nas-01", Metric.MEMORY, 50));

    assertThat(resolved.id()).isEqualTo(id);
    Alert stored = alerts().findById(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(stored.autoResolved()).isTrue();
    assertThat(stored.previousSeverity()).isEqualTo(Severity.HIGH);
    assertThat(alerts().history(id))
        .extracting(HistoryEntry::action)
        .containsExactly(HistoryAction.CREATED, HistoryAction.RETRIGGERED, HistoryAction.RESOLVED);
    assertThat(alerts().history(id).getLast().actor()).isEqualTo("hosts");
  }

  @Test
  default void afterAResolve_breachesAreCountedButHeldBack_untilTheCoolDownEnds() {
    long first = only(sample("nas-01", Metric.DISK, 85)).id();
    sample("nas-01", Metric.DISK, 10);
    sample("nas-01", Metric.DISK, 10); // resolved: 15 minutes of cool-down from here
    for (int minute = 1; minute < 15; minute++) {
      assertThat(sample("nas-01", Metric.DISK, 85).changes()).isEmpty();
    }
    assertThat(state("nas-01", 0).consecutiveBreaches()).isEqualTo(14);

    Alert second = only(sample("nas-01", Metric.DISK, 85));

    assertThat(second.id()).isNotEqualTo(first);
    assertThat(alerts().loadActive()).containsExactly(second);
  }

  @Test
  default void aSilentServerGoesOffline_andItsNextHeartbeatBringsItBack() {
    monitor().takeHeartbeats(List.of(heartbeat("nas-01", Map.of())));
    clock().advance(Duration.ofSeconds(179));
    assertThat(monitor().tick()).isEmpty();
    clock().advance(Duration.ofSeconds(1));

    Alert offline = only(monitor().tick());
    assertThat(offline.type()).isEqualTo("offline");
    assertThat(offline.severity()).isEqualTo(Severity.CRITICAL);

    clock().advance(Duration.ofSeconds(20));
    Alert back = only(monitor().takeHeartbeats(List.of(heartbeat("nas-01", Map.of()))));
    assertThat(back.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(alerts().findById(offline.id()).orElseThrow().autoResolved()).isTrue();
  }

  @Test
  default void aServiceDown_opensServiceDown_andUp_resolvesIt() {
    Alert down =
        only(
            monitor()
                .takeHeartbeats(List.of(heartbeat("nas-01", Map.of("nginx", ServiceStatus.DOWN)))));
    assertThat(down.type()).isEqualTo("service_down");
    assertThat(down.severity()).isEqualTo(Severity.HIGH);

    clock().advance(Duration.ofMinutes(1));
    Alert up =
        only(
            monitor()
                .takeHeartbeats(List.of(heartbeat("nas-01", Map.of("nginx", ServiceStatus.UP)))));
    assertThat(up.id()).isEqualTo(down.id());
    assertThat(up.status()).isEqualTo(AlertStatus.RESOLVED);
  }

  @Test
  default void aRestartInTheMiddleOfABreach_reloadsTheStates_andTheThirdSampleOpensTheAlert() {
    sample("nas-01", Metric.CPU, 90);
    sample("nas-01", Metric.CPU, 90);
    AlertState before = state("nas-01", 0);

    restart();

    assertThat(state("nas-01", 0)).isEqualTo(before);
    assertThat(only(sample("nas-01", Metric.CPU, 90)).severity()).isEqualTo(Severity.HIGH);
  }

  @Test
  default void aCrashBetweenTheAlertAndItsState_isCaughtUpAfterTheRestart_withoutASecondAlert() {
    sample("nas-01", Metric.CPU, 90);
    sample("nas-01", Metric.CPU, 90);
    AlertState lagging = state("nas-01", 0);
    long id = only(sample("nas-01", Metric.CPU, 90)).id();
    hosts().saveStates(List.of(lagging)); // as if the state write had not landed

    restart();
    assertThat(sample("nas-01", Metric.CPU, 90).changes()).isEmpty();

    AlertState caughtUp = state("nas-01", 0);
    assertThat(caughtUp.activeAlertId()).isEqualTo(id);
    assertThat(caughtUp.consecutiveBreaches()).isEqualTo(3);
    assertThat(hosts().loadStates()).containsExactly(caughtUp);
    assertThat(alerts().loadActive()).hasSize(1);
  }

  @Test
  default void deletingAServer_cascadesToItsAlertsHistoryAndStates_andLeavesOthersAlone() {
    long cpu = openCpuAlert("nas-01");
    monitor().takeHeartbeats(List.of(heartbeat("nas-01", Map.of("nginx", ServiceStatus.DOWN))));
    long other = openCpuAlert("nas-02");

    monitor().delete("nas-01", Actor.of("alice"));

    assertThat(count("select count(*) from alerts where subject_key = ?", "nas-01")).isZero();
    assertThat(count("select count(*) from alert_history where alert_id = ?", cpu)).isZero();
    assertThat(count("select count(*) from servers where id = ?", "nas-01")).isZero();
    assertThat(count("select count(*) from alert_states where server_id = ?", "nas-01")).isZero();
    assertThat(count("select count(*) from subjects where key = ?", "nas-01")).isZero();
    assertThat(engine().active("hosts|server/nas-01|cpu")).isEmpty();
    assertThat(alerts().findById(other)).isPresent();
    assertThat(count("select count(*) from alert_states where server_id = ?", "nas-02"))
        .isEqualTo(1);

    restart();
    assertThat(monitor().servers()).extracting(s -> s.id()).containsExactly("nas-02");
  }

  @Test
  default void savedSettings_surviveARestart() {
    HostSettings d = HostSettings.defaults();
    HostSettings strict =
        new HostSettings(
            new HostSettings.Thresholds(50, 60, 1), d.memory(), d.disk(), 1, 0, 60, 0, false);
    monitor().updateSettings(strict, Actor.of("test"));

    restart();

    assertThat(monitor().settings()).isEqualTo(strict);
  }

  private long openCpuAlert(String server) {
    sample(server, Metric.CPU, 99);
    sample(server, Metric.CPU, 99);
    return only(sample(server, Metric.CPU, 99)).id();
  }

  private Heartbeat heartbeat(String server, Map<String, ServiceStatus> services) {
    return new Heartbeat(server, clock().instant(), services);
  }
}
