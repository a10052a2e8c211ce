package io.klaxon.store.jdbc.hosts;

import static io.klaxon.store.AlertBuilder.T0;
import static io.klaxon.store.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.Level;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.Server;
import io.klaxon.detect.hosts.StateKey;
import io.klaxon.problem.Conflict;
import io.klaxon.store.AlertStoreFixture;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.SubjectRef;
import io.klaxon.store.ConcurrentChange;
import io.klaxon.store.jdbc.settings.JdbcSettingsStore;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the host store keeps, and how a purge of a server's subject cascades. */
interface HostRowsContract extends HostFixture {

  Server NAS_01 =
      new Server("nas-01", "nas-01.lan", "NAS 01", List.of("storage", "home"), false, T0, T0);
  Server NAS_02 = Server.of("nas-02", null, null, List.of(), true, T0);
  SubjectRef NAS_01_REF = new SubjectRef("server", "nas-01");

  @Test
  default void aServerRoundTrips_withItsSubject() {
    hosts().insertServer(NAS_01);
    hosts().insertServer(NAS_02);

    assertThat(hosts().loadServers()).containsExactly(NAS_01, NAS_02);
    assertThat(alerts().findSubject("server", "nas-01").orElseThrow().name()).isEqualTo("NAS 01");
  }

  @Test
  default void registeringAServerTwice_isAConflictNamingTheId() {
    hosts().insertServer(NAS_01);

    assertThatThrownBy(() -> hosts().insertServer(NAS_01))
        .isInstanceOfSatisfying(Conflict.class, e -> assertThat(e.field()).isEqualTo("id"));
    assertThat(hosts().loadServers()).containsExactly(NAS_01);
  }

  @Test
  default void aServerCanBeRegistered_whenItsSubjectAlreadyHasAlerts() {
    Alert earlier = alert(1).subject(Subject.of("server", "nas-01", "old name")).build();
    alerts()
        .commit(new ChangeSet(List.of(earlier.subject()), List.of(earlier), List.of(), List.of()));

    hosts().insertServer(NAS_01);

    assertThat(hosts().loadServers()).containsExactly(NAS_01);
    assertThat(alerts().findById(1)).isPresent();
  }

  @Test
  default void updatingAServer_rewritesItAndItsSubjectsName_andAnUnknownOneIsReported() {
    hosts().insertServer(NAS_01);
    Server renamed = NAS_01.describedAs("nas.lan", "The NAS", List.of("x"), T0.plusSeconds(9));

    assertThat(hosts().updateServer(renamed)).isTrue();
    assertThat(hosts().updateServer(NAS_02)).isFalse();

    assertThat(hosts().loadServers()).containsExactly(renamed);
    assertThat(alerts().findSubject("server", "nas-01").orElseThrow().name()).isEqualTo("The NAS");
  }

  @Test
  default void statesRoundTrip_everyFieldAndEveryNull_andASaveReplaces() {
    hosts().insertServer(NAS_01);
    AlertState full =
        new AlertState(
            StateKey.metric("nas-01", Metric.CPU),
            4,
            1,
            Level.CRITICAL,
            97.5,
            T0.plusSeconds(1),
            T0.plusSeconds(2),
            Severity.CRITICAL,
            42L,
            T0.plusSeconds(3),
            T0.plusSeconds(4));
    AlertState empty = AlertState.initial(StateKey.service("nas-01", "nginx"));
    AlertState offline = AlertState.initial(StateKey.offline("nas-01"));
    hosts().saveStates(List.of(full, empty, offline));

    assertThat(hosts().loadStates()).containsExactlyInAnyOrder(full, empty, offline);

    AlertState cleared = full.withActiveAlertId(null);
    hosts().saveStates(List.of(cleared));
    assertThat(hosts().loadStates()).containsExactlyInAnyOrder(cleared, empty, offline);
  }

  @Test
  default void serversAndStatesLoadByServer_forTheOnesAskedOnly() {
    hosts().insertServer(NAS_01);
    hosts().insertServer(NAS_02);
    AlertState one = AlertState.initial(StateKey.offline("nas-01"));
    AlertState two = AlertState.initial(StateKey.offline("nas-02"));
    hosts().saveStates(List.of(one, two));

    assertThat(hosts().loadServers(Set.of("nas-02", "nas-09"))).containsExactly(NAS_02);
    assertThat(hosts().loadStates(Set.of("nas-01", "nas-09"))).containsExactly(one);
    assertThat(hosts().loadStates(Set.of("nas-09"))).isEmpty();
  }

  @Test
  default void settingsRoundTrip_andNoneAreSavedAtFirst() {
    assertThat(hosts().loadSettings()).isEmpty();
    HostSettings d = HostSettings.defaults();
    HostSettings changed =
        new HostSettings(
            new HostSettings.Thresholds(70.5, 90, 5), d.memory(), d.disk(), 3, 60, 300, 5, false);

    hosts().saveSettings(d, Actor.of("alice"), T0);
    hosts().saveSettings(changed, Actor.of("bob"), T0.plusSeconds(1));

    assertThat(hosts().loadSettings()).contains(changed);
    // Each save is in the settings history with who made it and the settings before and after.
    var history = JdbcSettingsStore.open(database().dataSource()).history("hosts", 10);
    assertThat(history)
        .extracting(io.klaxon.settings.SettingsChange::actor)
        .containsExactly("bob", "alice");
    assertThat(history.get(0).at()).isEqualTo(T0.plusSeconds(1));
    assertThat(history.get(1).oldValue()).isNull();
    assertThat(history.get(0).oldValue()).isNotNull().isEqualTo(history.get(1).newValue());
  }

  @Test
  default void purgingAServersSubject_deletesItsAlertsTheirHistoryTheServerAndItsStates() {
    hosts().insertServer(NAS_01);
    hosts().insertServer(NAS_02);
    hosts()
        .saveStates(
            List.of(
                AlertState.initial(StateKey.metric("nas-01", Metric.DISK)),
                AlertState.initial(StateKey.metric("nas-02", Metric.DISK))));
    Alert mine = alert(1).subject(NAS_01.subject()).build();
    Alert theirs = alert(2).subject(NAS_02.subject()).fingerprint("other").build();
    alerts()
        .commit(
            new ChangeSet(
                List.of(),
                List.of(mine, theirs),
                List.of(),
                List.of(
                    AlertStoreFixture.createdEntry(mine), AlertStoreFixture.createdEntry(theirs))));

    alerts()
        .commit(new ChangeSet(List.of(), List.of(), List.of(), List.of(), List.of(NAS_01_REF), 0));

    assertThat(alerts().findById(1)).isEmpty();
    assertThat(alerts().history(1)).isEmpty();
    assertThat(hosts().loadServers()).containsExactly(NAS_02);
    assertThat(hosts().loadStates()).extracting(s -> s.key().server()).containsExactly("nas-02");
    assertThat(alerts().findById(2)).isPresent();
    assertThat(alerts().maxAlertId()).isEqualTo(2);
  }

  @Test
  default void aPurgeComesFirst_soASubjectRecreatedInTheSameCommitKeepsItsNewAlert() {
    hosts().insertServer(NAS_01);
    // The engine took its ids from a block: 6 and 7 were handed out to alerts the purge took.
    long before = alerts().idBlocks().orElseThrow().reserve(7);
    Alert fresh = alert(before + 5).subject(NAS_01.subject()).build();

    alerts()
        .commit(
            new ChangeSet(
                List.of(NAS_01.subject()),
                List.of(fresh),
                List.of(),
                List.of(AlertStoreFixture.createdEntry(fresh)),
                List.of(NAS_01_REF),
                before + 7));

    assertThat(alerts().findById(before + 5)).contains(fresh);
    assertThat(hosts().loadServers()).isEmpty();
    // Spent ids stay spent: the block covers them, the commit need not record them.
    assertThat(alerts().idBlocks().orElseThrow().reserve(1)).isGreaterThanOrEqualTo(before + 7);
  }

  @Test
  default void aCommitThatFails_purgesNothing() {
    hosts().insertServer(NAS_01);
    Alert mine = alert(1).subject(NAS_01.subject()).build();
    alerts()
        .commit(
            new ChangeSet(
                List.of(),
                List.of(mine),
                List.of(),
                List.of(AlertStoreFixture.createdEntry(mine))));
    Alert other = alert(2).fingerprint("other").build();
    alerts()
        .commit(
            new ChangeSet(
                List.of(),
                List.of(other),
                List.of(),
                List.of(AlertStoreFixture.createdEntry(other))));
    HistoryEntry noted =
        new HistoryEntry(2, 9, T0, "x", HistoryAction.NOTED, null, other.status(), List.of(), "n");

    assertThatThrownBy(
            () ->
                alerts()
                    .commit(
                        new ChangeSet(
                            List.of(),
                            List.of(),
                            List.of(new ChangeSet.AlertUpdate(other.touched(), 5)),
                            List.of(noted),
                            List.of(NAS_01_REF),
                            0)))
        .isInstanceOf(ConcurrentChange.class);

    assertThat(alerts().findById(1)).isPresent();
    assertThat(hosts().loadServers()).containsExactly(NAS_01);
  }
}
