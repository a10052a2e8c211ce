package io.klaxon.detect.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Offline and service rules as pure functions, with the default offline time of 180 s. */
class LivenessRulesTest {

  static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

  private final HostSettings settings = HostSettings.defaults();
  private AlertState offline = AlertState.initial(StateKey.offline("nas-01"));
  private AlertState nginx = AlertState.initial(StateKey.service("nas-01", "nginx"));

  @Test
  void aServerNeverHeardFrom_isNotWatched() {
    assertThat(tick(T0.plus(Duration.ofDays(1))).actions()).isEmpty();
  }

  @Test
  void noHeartbeatFor180Seconds_opensACriticalOfflineAlert_notASecondEarlier() {
    heartbeat(T0);

    assertThat(tick(T0.plusSeconds(179)).actions()).isEmpty();
    assertThat(tick(T0.plusSeconds(180)).actions())
        .containsExactly(new AlertAction.Open(Severity.CRITICAL, 180.0, 180.0));
    assertThat(offline.level()).isEqualTo(Level.CRITICAL);
    assertThat(tick(T0.plusSeconds(400)).actions()).isEmpty();
  }

  @Test
  void theNextHeartbeat_resolvesTheOfflineAlert() {
    heartbeat(T0);
    tick(T0.plusSeconds(200));

    assertThat(heartbeat(T0.plusSeconds(250)).actions())
        .containsExactly(new AlertAction.Resolve("heartbeat received"));
    assertThat(offline.alerting()).isFalse();
    assertThat(offline.lastSignalAt()).isEqualTo(T0.plusSeconds(250));
    assertThat(tick(T0.plusSeconds(429)).actions()).isEmpty();
    assertThat(tick(T0.plusSeconds(430)).actions()).hasSize(1); // silent again: a new alert
  }

  @Test
  void anOfflineAlertClosedByHand_doesNotReopenUntilTheServerIsHeardAgain() {
    heartbeat(T0);
    tick(T0.plusSeconds(200));
    offline = Reconcile.with(offline, Optional.empty(), T0.plusSeconds(300)); // dismissed

    assertThat(tick(T0.plusSeconds(600)).actions()).isEmpty();
    heartbeat(T0.plusSeconds(700));
    assertThat(tick(T0.plusSeconds(880)).actions()).hasSize(1);
  }

  @Test
  void aServiceReportedDown_opensAHighAlert_andUp_resolvesIt() {
    assertThat(service(ServiceStatus.UP, T0).actions()).isEmpty();
    assertThat(service(ServiceStatus.DOWN, T0.plusSeconds(60)).actions())
        .containsExactly(new AlertAction.Open(Severity.HIGH, null, null));
    assertThat(service(ServiceStatus.DOWN, T0.plusSeconds(120)).actions()).isEmpty();
    assertThat(nginx.consecutiveBreaches()).isEqualTo(2);
    assertThat(nginx.firstBreachAt()).isEqualTo(T0.plusSeconds(60));

    assertThat(service(ServiceStatus.UP, T0.plusSeconds(180)).actions())
        .containsExactly(new AlertAction.Resolve("service reported up"));
    assertThat(nginx.alerting()).isFalse();
    assertThat(nginx.consecutiveBreaches()).isZero();
  }

  @Test
  void aServiceAlertClosedByHand_whileDown_doesNotReopenUntilTheServiceWasUp() {
    service(ServiceStatus.DOWN, T0);
    nginx = Reconcile.with(nginx, Optional.empty(), T0.plusSeconds(30)); // dismissed

    assertThat(service(ServiceStatus.DOWN, T0.plusSeconds(60)).actions()).isEmpty();
    service(ServiceStatus.UP, T0.plusSeconds(120));
    assertThat(service(ServiceStatus.DOWN, T0.plusSeconds(180)).actions()).hasSize(1);
  }

  private Decision heartbeat(Instant at) {
    Decision decision = LivenessRules.onHeartbeat(offline, at);
    offline = decision.state();
    return decision;
  }

  private Decision tick(Instant at) {
    Decision decision = LivenessRules.onTick(offline, settings, at);
    offline = decision.state();
    return decision;
  }

  private Decision service(ServiceStatus status, Instant at) {
    Decision decision = LivenessRules.onService(nginx, status, at, at);
    nginx = decision.state();
    return decision;
  }
}
