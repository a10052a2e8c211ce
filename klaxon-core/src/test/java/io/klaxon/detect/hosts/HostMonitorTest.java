package io.klaxon.detect.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.FakeClock;
import io.klaxon.engine.Outcome;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitor with the real engine on in-memory stores: rules, restarts, failures, deletes. */
class HostMonitorTest {

  private final InMemoryAlertStore alerts = new InMemoryAlertStore();
  private final InMemoryHostStore hosts = new InMemoryHostStore(alerts);
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine = AlertEngine.start(alerts, clock);
  private HostMonitor monitor = HostMonitor.start(engine, hosts, clock, HostSettings.defaults());

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void threeCpuBreachesInARow_openOneHighAlertAboutTheServer_whichIsRegistered() {
    assertThat(cpu(90).changes()).isEmpty();
    assertThat(cpu(91).changes()).isEmpty();
    HostAlertChange opened = cpu(92).changes().getFirst();

    assertThat(opened.outcome()).isEqualTo(Outcome.CREATED);
    Alert alert = opened.alert();
    assertThat(alert.type()).isEqualTo("cpu");
    assertThat(alert.source()).isEqualTo("hosts");
    assertThat(alert.fingerprint()).isEqualTo("hosts|server/nas-01|cpu");
    assertThat(alert.subject().reference()).isEqualTo("server/nas-01");
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.value()).isEqualTo(92.0);
    assertThat(alert.threshold()).isEqualTo(85.0);
    assertThat(alert.detectedAt()).isEqualTo(clock.instant());
    assertThat(monitor.server("nas-01").orElseThrow().autoRegistered()).isTrue();
    AlertState state = monitor.states("nas-01").getFirst();
    assertThat(state.activeAlertId()).isEqualTo(alert.id());
    assertThat(state.consecutiveBreaches()).isEqualTo(3);
    assertThat(hosts.states()).containsExactly(state);
  }

  @Test
  void aRiseToCritical_escalatesTheSameAlert_andTwoSamplesUnder_resolveItAutomatically() {
    long id = openCpuAlert();

    HostAlertChange escalated = cpu(97).changes().getFirst();
    assertThat(escalated.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(escalated.alert().id()).isEqualTo(id);
    assertThat(escalated.alert().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(escalated.alert().previousSeverity()).isEqualTo(Severity.HIGH);

    assertThat(cpu(40).changes()).isEmpty();
    HostAlertChange resolved = cpu(30).changes().getFirst();
    assertThat(resolved.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(resolved.alert().autoResolved()).isTrue();
    assertThat(alerts.findById(id).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(monitor.states("nas-01").getFirst().activeAlertId()).isNull();
  }

  @Test
  void afterAResolve_theCoolDownHoldsANewAlertBack_untilItEnds() {
    long first = openCpuAlert();
    cpu(40);
    cpu(30); // resolved: the cool-down runs 15 minutes from here
    for (int i = 0; i < 14; i++) {
      assertThat(cpu(93).changes()).isEmpty();
    }
    HostAlertChange reopened = cpu(93).changes().getFirst(); // 15 minutes after the resolve

    assertThat(reopened.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(reopened.alert().id()).isNotEqualTo(first);
  }

  @Test
  void sharedMonitors_theCheckOnOneSeesTheHeartbeatsTheOtherTook_andBreachesCountTogether() {
    HostMonitor checker = HostMonitor.startShared(engine, hosts, clock, HostSettings.defaults());
    HostMonitor taker = HostMonitor.startShared(engine, hosts, clock, HostSettings.defaults());
    checker.takeHeartbeats(List.of(heartbeat(Map.of())));
    for (int i = 0; i < 3; i++) {
      clock.advance(Duration.ofSeconds(120));
      taker.takeHeartbeats(List.of(heartbeat(Map.of())));
      assertThat(checker.tick()).isEmpty();
    }
    clock.advance(Duration.ofSeconds(180));
    HostAlertChange offline = checker.tick().getFirst();
    assertThat(offline.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(offline.alert().type()).isEqualTo("offline");
    assertThat(taker.state(StateKey.offline("nas-01")).orElseThrow().alerting()).isTrue();

    clock.advance(Duration.ofSeconds(60));
    checker.takeMetrics(List.of(sample("nas-01", 90)));
    clock.advance(Duration.ofSeconds(60));
    taker.takeMetrics(List.of(sample("nas-01", 91)));
    clock.advance(Duration.ofSeconds(60));
    HostAlertChange cpu = checker.takeMetrics(List.of(sample("nas-01", 92))).changes().getFirst();
    assertThat(cpu.alert().type()).isEqualTo("cpu");
    assertThat(cpu.outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void sharedMonitors_changeAServerOnlyInsideTheStoresLockOfIt_andReadWithoutIt() {
    HostMonitor shared = HostMonitor.startShared(engine, hosts, clock, HostSettings.defaults());
    shared.register("nas-02", null, null, List.of());
    shared.describe("nas-02", "nas-02.lan", "NAS 2", List.of("storage"));
    shared.takeHeartbeats(List.of(heartbeat(Map.of("nginx", ServiceStatus.DOWN))));
    clock.advance(Duration.ofSeconds(60));
    shared.takeMetrics(List.of(sample("nas-01", 90), sample("nas-02", 91)));
    clock.advance(Duration.ofSeconds(180));
    assertThat(shared.tick())
        .extracting(change -> change.key().check())
        .contains(HostCheck.OFFLINE);
    int beforeReads = hosts.locksTaken().size();
    shared.states("nas-01");
    shared.server("nas-02");
    shared.state(StateKey.offline("nas-01"));
    assertThat(hosts.locksTaken()).hasSize(beforeReads);
    shared.delete("nas-02", Actor.of("tester"));

    assertThat(hosts.writesOutsideLock()).isEmpty();
    assertThat(hosts.locksTaken())
        .containsExactly(
            Set.of("nas-02"),
            Set.of("nas-02"),
            Set.of("nas-01"),
            Set.of("nas-01", "nas-02"),
            Set.of("nas-01"),
            Set.of("nas-02"));
  }

  @Test
  void aMonitorAlone_takesNoStoreLock() {
    cpu(90);
    monitor.takeHeartbeats(List.of(heartbeat(Map.of())));
    clock.advance(Duration.ofSeconds(180));
    assertThat(monitor.tick()).isNotEmpty();

    assertThat(hosts.locksTaken()).isEmpty();
    assertThat(hosts.writesOutsideLock()).isNotEmpty();
  }

  @Test
  void noHeartbeatFor180Seconds_opensOffline_andTheNextHeartbeatResolvesIt() {
    monitor.takeHeartbeats(List.of(heartbeat(Map.of())));
    clock.advance(Duration.ofSeconds(179));
    assertThat(monitor.tick()).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    HostAlertChange offline = monitor.tick().getFirst();
    assertThat(offline.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(offline.alert().type()).isEqualTo("offline");
    assertThat(offline.alert().severity()).isEqualTo(Severity.CRITICAL);
    assertThat(monitor.tick()).isEmpty();

    clock.advance(Duration.ofSeconds(30));
    HostAlertChange back =
        monitor.takeHeartbeats(List.of(heartbeat(Map.of()))).changes().getFirst();
    assertThat(back.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(back.alert().autoResolved()).isTrue();
  }

  @Test
  void aServiceReportedDown_opensServiceDown_andUp_resolvesIt() {
    HostAlertChange down =
        monitor
            .takeHeartbeats(
                List.of(heartbeat(Map.of("nginx", ServiceStatus.DOWN, "ssh", ServiceStatus.UP))))
            .changes()
            .getFirst();
    assertThat(down.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(down.alert().type()).isEqualTo("service_down");
    assertThat(down.alert().severity()).isEqualTo(Severity.HIGH);
    assertThat(down.alert().attributes()).containsEntry("service", "nginx");
    assertThat(down.alert().fingerprint()).isEqualTo("hosts|server/nas-01|service_down/nginx");

    clock.advance(Duration.ofSeconds(60));
    assertThat(
            monitor
                .takeHeartbeats(List.of(heartbeat(Map.of("nginx", ServiceStatus.DOWN))))
                .changes())
        .isEmpty();
    clock.advance(Duration.ofSeconds(60));
    HostAlertChange up =
        monitor
            .takeHeartbeats(List.of(heartbeat(Map.of("nginx", ServiceStatus.UP))))
            .changes()
            .getFirst();
    assertThat(up.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(up.alert().id()).isEqualTo(down.alert().id());
  }

  @Test
  void aRestartInTheMiddleOfABreach_continuesTheCount() {
    cpu(90);
    cpu(91);
    restart();

    assertThat(monitor.states("nas-01").getFirst().consecutiveBreaches()).isEqualTo(2);
    assertThat(cpu(92).changes())
        .extracting(HostAlertChange::outcome)
        .containsExactly(Outcome.CREATED);
  }

  @Test
  void aRestartWithAnAlertOpen_stillResolvesIt() {
    long id = openCpuAlert();
    restart();

    cpu(40);
    assertThat(cpu(30).changes().getFirst().alert().id()).isEqualTo(id);
  }

  @Test
  void deletingAServer_removesItsAlertsTheirHistoryAndItsStates_andTheEngineForgetsThem() {
    long id = openCpuAlert();
    monitor.takeHeartbeats(List.of(heartbeat(Map.of("nginx", ServiceStatus.DOWN))));

    monitor.delete("nas-01", Actor.of("alice"));

    assertThat(alerts.findById(id)).isEmpty();
    assertThat(alerts.history(id)).isEmpty();
    assertThat(alerts.all()).isEmpty();
    assertThat(hosts.states()).isEmpty();
    assertThat(monitor.server("nas-01")).isEmpty();
    assertThat(engine.activeCount()).isZero();
    assertThatThrownBy(() -> monitor.states("nas-01")).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> monitor.delete("nas-01", Actor.of("alice")))
        .isInstanceOf(NotFound.class);
    assertThat(cpu(95).changes()).isEmpty(); // a new server, counting from zero
    assertThat(monitor.states("nas-01").getFirst().consecutiveBreaches()).isEqualTo(1);
  }

  @Test
  void aSampleFromTheFuture_refusesTheWholeRequest_namingIt_andWritesNothing() {
    MetricSample fine = new MetricSample("nas-01", Metric.CPU, 99, clock.instant());
    MetricSample ahead =
        new MetricSample("nas-02", Metric.CPU, 99, clock.instant().plusSeconds(31));

    assertThatThrownBy(() -> monitor.takeMetrics(List.of(fine, ahead)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .extracting(InvalidInput.FieldError::field)
                    .containsExactly("[1].observedAt"));
    assertThat(monitor.servers()).isEmpty();
    assertThat(hosts.states()).isEmpty();
  }

  @Test
  void anUnknownServer_isRefused_whenAutoRegistrationIsOff() {
    HostSettings d = HostSettings.defaults();
    monitor.updateSettings(
        new HostSettings(d.cpu(), d.memory(), d.disk(), 2, 900, 180, 30, false), Actor.of("test"));
    monitor.register("nas-01", null, null, List.of());

    assertThatThrownBy(
            () -> monitor.takeMetrics(List.of(sample("nas-01", 99), sample("nas-02", 99))))
        .isInstanceOf(NotFound.class)
        .hasMessageContaining("server nas-02");
    assertThat(hosts.states()).isEmpty();
    assertThat(monitor.servers()).extracting(Server::id).containsExactly("nas-01");
  }

  @Test
  void aRequestSentAgain_isIgnored() {
    MetricSample sample = sample("nas-01", 90);
    monitor.takeMetrics(List.of(sample));

    SignalReport again = monitor.takeMetrics(List.of(sample));

    assertThat(again.ignored()).isEqualTo(1);
    assertThat(monitor.states("nas-01").getFirst().consecutiveBreaches()).isEqualTo(1);
  }

  @Test
  void anAlertResolvedByHand_startsTheCoolDown() {
    long id = openCpuAlert();
    engine.apply(AlertCommand.Change.of(AlertRef.id(id), Transition.RESOLVE, Actor.of("alice")));

    assertThat(cpu(93).changes()).isEmpty();
    AlertState state = monitor.states("nas-01").getFirst();
    assertThat(state.alerting()).isFalse();
    assertThat(state.lastResolvedAt()).isEqualTo(clock.instant());
  }

  @Test
  void whenTheStatesCannotBeWritten_theRequestFails_andItsRetryIsCountedOnce() {
    cpu(90);
    cpu(91);
    clock.advance(Duration.ofSeconds(60));
    MetricSample third = sample("nas-01", 92);
    hosts.failNextSave(new Unavailable("database away"));

    assertThatThrownBy(() -> monitor.takeMetrics(List.of(third))).isInstanceOf(Unavailable.class);
    long id = engine.active("hosts|server/nas-01|cpu").orElseThrow().id(); // committed first
    assertThat(monitor.states("nas-01").getFirst().consecutiveBreaches()).isEqualTo(2);

    assertThat(monitor.takeMetrics(List.of(third)).changes()).isEmpty();
    AlertState state = monitor.states("nas-01").getFirst();
    assertThat(state.consecutiveBreaches()).isEqualTo(3);
    assertThat(state.activeAlertId()).isEqualTo(id);
    assertThat(alerts.all()).hasSize(1);
  }

  private long openCpuAlert() {
    cpu(90);
    cpu(91);
    return cpu(92).changes().getFirst().alert().id();
  }

  /** One cpu sample of nas-01, a minute after the last. */
  private SignalReport cpu(double value) {
    clock.advance(Duration.ofSeconds(60));
    return monitor.takeMetrics(List.of(sample("nas-01", value)));
  }

  private MetricSample sample(String server, double value) {
    return new MetricSample(server, Metric.CPU, value, clock.instant());
  }

  private Heartbeat heartbeat(Map<String, ServiceStatus> services) {
    return new Heartbeat("nas-01", clock.instant(), services);
  }

  private void restart() {
    engine.close();
    engine = AlertEngine.start(alerts, clock);
    monitor = HostMonitor.start(engine, hosts, clock, HostSettings.defaults());
  }
}
