package io.klaxon.store.jdbc.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.Heartbeat;
import io.klaxon.detect.hosts.HostAlerts;
import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.HostStore;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.MetricSample;
import io.klaxon.detect.hosts.Server;
import io.klaxon.detect.hosts.SignalReport;
import io.klaxon.detect.hosts.StateKey;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.jdbc.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The host store and detector on PostgreSQL, in a schema of its own; and what cluster mode adds:
 * instances whose stores share the database change one server one after the other.
 */
class PostgresHostStoreTest extends HostStoreContract {

  private static final StateKey CPU = StateKey.metric("nas-01", Metric.CPU);
  private static final StateKey OFFLINE = StateKey.offline("nas-01");

  @Override
  protected TestDatabase openDatabase() {
    return TestDatabase.postgres();
  }

  @Test
  void aServerLockedThroughOneStore_waitsInAnotherStoreOnTheSameDatabase() throws Exception {
    JdbcHostStore other = JdbcHostStore.open(database().dataSource());
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () -> hosts().inServerLock(Set.of("nas-01"), holdUntil(holding, finish)),
            HostFixture.THREADS);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    CountDownLatch entered = new CountDownLatch(1);
    CompletableFuture<Void> second =
        CompletableFuture.runAsync(
            () ->
                other.inServerLock(
                    Set.of("nas-01"),
                    () -> {
                      entered.countDown();
                      return true;
                    }),
            HostFixture.THREADS);

    assertThat(entered.await(300, TimeUnit.MILLISECONDS)).isFalse();
    finish.countDown();
    assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
    first.get(10, TimeUnit.SECONDS);
    second.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aServerHeldElsewhereLongerThanTheWait_isRefusedAsUnavailable_andFreeAfterwards()
      throws Exception {
    JdbcHostStore impatient = JdbcHostStore.open(database().dataSource(), Duration.ofMillis(200));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () -> hosts().inServerLock(Set.of("nas-01"), holdUntil(holding, finish)),
            HostFixture.THREADS);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> impatient.inServerLock(Set.of("nas-02", "nas-01"), () -> true))
        .isInstanceOf(Unavailable.class)
        .hasMessageContaining("another instance");
    finish.countDown();
    first.get(10, TimeUnit.SECONDS);

    // nas-02, taken before nas-01 was found held, was let go with it.
    assertThat(hosts().inServerLock(Set.of("nas-02"), () -> "free")).isEqualTo("free");
    assertThat(impatient.inServerLock(Set.of("nas-01", "nas-02"), () -> "both")).isEqualTo("both");
  }

  @Test
  void aLockSessionThatEnds_freesItsServers_andItsStoreTakesLocksAgainAfterwards() {
    JdbcHostStore other = JdbcHostStore.open(database().dataSource(), Duration.ofSeconds(5));
    String result =
        hosts()
            .inServerLock(
                Set.of("nas-01"),
                () -> {
                  // Only the session holding this store's lock of nas-01 is ended: other tests and
                  // Flyway hold advisory locks of their own on the same database.
                  long ended =
                      count(
                          "select count(pg_terminate_backend(pid)) from pg_locks"
                              + " where locktype = 'advisory' and granted and objsubid = 1"
                              + " and ((classid::bigint << 32) | objid::bigint) = ?"
                              + " and database = (select oid from pg_database"
                              + " where datname = current_database())",
                          AdvisoryServerLocks.key(database().schema(), "nas-01"));
                  assertThat(ended).isEqualTo(1);
                  return other.inServerLock(Set.of("nas-01"), () -> "taken elsewhere");
                });

    assertThat(result).isEqualTo("taken elsewhere");
    assertThat(hosts().inServerLock(Set.of("nas-01"), () -> "again")).isEqualTo("again");
  }

  @Test
  void breachesAboutOneServerThroughTwoInstancesAtOnce_areEachCounted() throws Exception {
    MeetingHostStore.Meeting meeting = new MeetingHostStore.Meeting(Duration.ofSeconds(1));
    HostMonitor first = instance(meeting);
    HostMonitor second = instance(meeting);
    first.register("nas-01", null, null, List.of());

    int accepted = 0;
    for (int round = 0; round < 6; round++) {
      clock().advance(Duration.ofMinutes(1));
      Instant now = clock().instant();
      meeting.arrange();
      CompletableFuture<SignalReport> one = breach(first, now.minusSeconds(2));
      CompletableFuture<SignalReport> other = breach(second, now.minusSeconds(1));
      accepted += one.get(30, TimeUnit.SECONDS).accepted();
      accepted += other.get(30, TimeUnit.SECONDS).accepted();
    }
    meeting.cancel();

    // One after the other, each sample newer than the state's last is counted; the later one's
    // going first makes the other's ignored, never counted twice nor lost.
    AlertState state = first.state(CPU).orElseThrow();
    assertThat(state.consecutiveBreaches()).isEqualTo(accepted);
    assertThat(accepted).isGreaterThanOrEqualTo(6);
    Alert alert = engine().active(HostAlerts.fingerprint(CPU)).orElseThrow();
    assertThat(state.activeAlertId()).isEqualTo(alert.id());
    assertThat(alerts().findById(alert.id()).orElseThrow().occurrences())
        .as("opened once")
        .isEqualTo(1);
  }

  @Test
  void theFirstSignalsOfANewServerThroughTwoInstancesAtOnce_registerItOnce() throws Exception {
    MeetingHostStore.Meeting meeting = new MeetingHostStore.Meeting(Duration.ofSeconds(1));
    HostMonitor first = instance(meeting);
    HostMonitor second = instance(meeting);
    clock().advance(Duration.ofMinutes(1));
    Instant now = clock().instant();

    meeting.arrange();
    CompletableFuture<SignalReport> one = breach(first, now.minusSeconds(2));
    CompletableFuture<SignalReport> other = breach(second, now.minusSeconds(1));
    List<String> registered = new ArrayList<>(one.get(30, TimeUnit.SECONDS).registered());
    registered.addAll(other.get(30, TimeUnit.SECONDS).registered());
    meeting.cancel();

    assertThat(registered).containsExactly("nas-01");
    assertThat(hosts().loadServers()).extracting(Server::id).containsExactly("nas-01");
  }

  @Test
  void aHeartbeatThroughOneInstance_whileTheOtherChecksForSilence_leavesNoOfflineAlertOpen()
      throws Exception {
    MeetingHostStore.Meeting meeting = new MeetingHostStore.Meeting(Duration.ofSeconds(1));
    HostMonitor checker = instance(meeting);
    HostMonitor taker = instance(meeting);
    taker.takeHeartbeats(List.of(new Heartbeat("nas-01", clock().instant(), Map.of())));
    clock().advance(HostSettings.defaults().offlineAfter().plusSeconds(1));

    meeting.arrange();
    CompletableFuture<?> check = CompletableFuture.supplyAsync(checker::tick, HostFixture.THREADS);
    CompletableFuture<?> heartbeat =
        CompletableFuture.supplyAsync(
            () ->
                taker.takeHeartbeats(List.of(new Heartbeat("nas-01", clock().instant(), Map.of()))),
            HostFixture.THREADS);
    check.get(30, TimeUnit.SECONDS);
    heartbeat.get(30, TimeUnit.SECONDS);
    meeting.cancel();

    // Either the check found the heartbeat, or the heartbeat resolved what the check opened.
    assertThat(engine().active(HostAlerts.fingerprint(OFFLINE))).isEmpty();
    AlertState offline = checker.state(OFFLINE).orElseThrow();
    assertThat(offline.alerting()).isFalse();
    assertThat(offline.lastSignalAt()).isEqualTo(clock().instant());
  }

  /** A monitor as another instance in cluster mode has one: a store of its own, the engine's. */
  private HostMonitor instance(MeetingHostStore.Meeting meeting) {
    HostStore store = new MeetingHostStore(JdbcHostStore.open(database().dataSource()), meeting);
    return HostMonitor.startShared(engine(), store, clock(), HostSettings.defaults());
  }

  private static CompletableFuture<SignalReport> breach(HostMonitor monitor, Instant observedAt) {
    return CompletableFuture.supplyAsync(
        () -> monitor.takeMetrics(List.of(new MetricSample("nas-01", Metric.CPU, 90, observedAt))),
        HostFixture.THREADS);
  }

  private static Supplier<Boolean> holdUntil(CountDownLatch holding, CountDownLatch finish) {
    return () -> {
      holding.countDown();
      try {
        return finish.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    };
  }
}
