package io.klaxon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The test store keeps a schema's promises, so that engine tests can trust it. */
class InMemoryAlertStoreTest {

  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  private static final Subject NAS = Subject.of("server", "nas-01", null);

  private final InMemoryAlertStore store = new InMemoryAlertStore();

  @Test
  void commit_storesAlertsHistoryAndSubjects() {
    Alert alert = alert(1, "fp", AlertStatus.OPEN, T0, NAS);

    store.commit(create(alert, NAS));

    assertThat(store.findById(1)).contains(alert);
    assertThat(store.loadActive()).containsExactly(alert);
    assertThat(store.maxAlertId()).isEqualTo(1);
    assertThat(store.history(1)).extracting(HistoryEntry::version).containsExactly(1L);
    assertThat(store.findSubject("server", "nas-01")).contains(NAS);
    assertThat(store.history(99)).isEmpty();
    assertThat(store.findById(99)).isEmpty();
  }

  @Test
  void commit_withWrongExpectedVersion_isRefusedAndWritesNothing() {
    Alert first = alert(1, "fp-1", AlertStatus.OPEN, T0);
    store.commit(create(first));
    Alert second = alert(2, "fp-2", AlertStatus.OPEN, T0);
    Alert firstMoved = first.withStatus(AlertStatus.RESOLVED, null, null, T0, "api", false);
    ChangeSet stale =
        new ChangeSet(
            List.of(),
            List.of(second),
            List.of(new ChangeSet.AlertUpdate(firstMoved, 7)),
            List.of(
                entry(second, HistoryAction.CREATED), entry(firstMoved, HistoryAction.RESOLVED)));

    assertThatThrownBy(() -> store.commit(stale)).isInstanceOf(ConcurrentChange.class);

    assertThat(store.all()).containsExactly(first);
    assertThat(store.history(2)).isEmpty();
    assertThat(store.maxAlertId()).isEqualTo(1);
    assertThat(store.commits()).hasSize(1);
  }

  @Test
  void commit_updatingAMissingAlert_isAConcurrentChange() {
    Alert ghost = alert(5, "fp", AlertStatus.OPEN, T0);

    assertThatThrownBy(
            () ->
                store.commit(
                    new ChangeSet(
                        List.of(),
                        List.of(),
                        List.of(new ChangeSet.AlertUpdate(ghost, 0)),
                        List.of())))
        .isInstanceOf(ConcurrentChange.class);
  }

  @Test
  void commit_ofASecondActiveAlertForAFingerprint_isRefused() {
    store.commit(create(alert(1, "fp", AlertStatus.OPEN, T0)));

    assertThatThrownBy(() -> store.commit(create(alert(2, "fp", AlertStatus.OPEN, T0))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fp");
    assertThat(store.all()).hasSize(1);
  }

  @Test
  void commit_thatEndsOneAlertAndOpensTheNext_isAccepted() {
    Alert first = alert(1, "fp", AlertStatus.OPEN, T0);
    store.commit(create(first));
    Alert resolved = first.withStatus(AlertStatus.RESOLVED, null, null, T0, "api", false);
    Alert next = alert(2, "fp", AlertStatus.OPEN, T0);

    store.commit(
        new ChangeSet(
            List.of(),
            List.of(next),
            List.of(new ChangeSet.AlertUpdate(resolved, 1)),
            List.of(entry(resolved, HistoryAction.RESOLVED), entry(next, HistoryAction.CREATED))));

    assertThat(store.loadActive()).containsExactly(next);
  }

  @Test
  void commit_ofADuplicateIdOrHistoryEntry_isRefused() {
    Alert first = alert(1, "fp-1", AlertStatus.OPEN, T0);
    store.commit(create(first));

    assertThatThrownBy(() -> store.commit(create(alert(1, "fp-2", AlertStatus.OPEN, T0))))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                store.commit(
                    new ChangeSet(
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(entry(first, HistoryAction.NOTED)))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void commit_ofAnAlertAboutAnUnknownSubject_isRefused() {
    assertThatThrownBy(() -> store.commit(create(alert(1, "fp", AlertStatus.OPEN, T0, NAS))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("server/nas-01");
  }

  @Test
  void failNextCommit_failsOnceAndWritesNothing() {
    IllegalStateException down = new IllegalStateException("down");
    store.failNextCommit(down);

    assertThatThrownBy(() -> store.commit(create(alert(1, "fp", AlertStatus.OPEN, T0))))
        .isSameAs(down);
    assertThat(store.all()).isEmpty();

    store.commit(create(alert(1, "fp", AlertStatus.OPEN, T0)));
    assertThat(store.all()).hasSize(1);
  }

  @Test
  void find_filtersSortsNewestFirstAndPages() {
    Alert a = alert(1, "a", AlertStatus.OPEN, T0);
    Alert b = alert(2, "b", AlertStatus.RESOLVED, T0.plus(Duration.ofMinutes(1)));
    Alert c = alert(3, "c", AlertStatus.OPEN, T0.plus(Duration.ofMinutes(1)));
    Alert d = alert(4, "d", AlertStatus.ACKNOWLEDGED, T0.plus(Duration.ofMinutes(2)), NAS);
    for (Alert alert : List.of(a, b, c)) {
      store.commit(create(alert));
    }
    store.commit(create(d, NAS));

    AlertPage all = store.find(AlertQuery.all());
    assertThat(all.alerts()).containsExactly(d, c, b, a); // same detectedAt: higher id first
    assertThat(all.total()).isEqualTo(4);
    assertThat(all.counts())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                AlertStatus.OPEN, 2L,
                AlertStatus.ACKNOWLEDGED, 1L,
                AlertStatus.RESOLVED, 1L,
                AlertStatus.DISMISSED, 0L,
                AlertStatus.EXPIRED, 0L));

    AlertPage open = store.find(AlertQuery.all().withStatuses(Set.of(AlertStatus.OPEN)));
    assertThat(open.alerts()).containsExactly(c, a);
    assertThat(open.total()).isEqualTo(2);
    assertThat(open.counts()).as("counts ignore the status filter").isEqualTo(all.counts());

    AlertPage second = store.find(AlertQuery.all().withPage(AlertSort.DETECTED_AT_DESC, 2, 1));
    assertThat(second.alerts()).containsExactly(c, b);
    assertThat(second.total()).isEqualTo(4);

    assertThat(store.find(AlertQuery.all().withSubject("server", "nas-01")).alerts())
        .containsExactly(d);
    assertThat(store.find(AlertQuery.all().withPage(AlertSort.DETECTED_AT_ASC, 50, 0)).alerts())
        .containsExactly(a, b, c, d);
  }

  @Test
  void stats_countUnderTheFilters() {
    store.commit(create(alert(1, "a", AlertStatus.OPEN, T0)));
    store.commit(create(alert(2, "b", AlertStatus.RESOLVED, T0)));

    AlertStats stats = store.stats(AlertQuery.all().withStatuses(Set.of(AlertStatus.OPEN)));

    assertThat(stats.total()).isEqualTo(1);
    // Every status and severity is counted, zero where none, as the JDBC store counts them.
    assertThat(stats.byStatus())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                AlertStatus.OPEN, 1L,
                AlertStatus.ACKNOWLEDGED, 0L,
                AlertStatus.RESOLVED, 0L,
                AlertStatus.DISMISSED, 0L,
                AlertStatus.EXPIRED, 0L));
    assertThat(stats.bySeverity())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Severity.INFO, 0L,
                Severity.LOW, 0L,
                Severity.MEDIUM, 0L,
                Severity.HIGH, 1L,
                Severity.CRITICAL, 0L));
    assertThat(stats.byType()).containsExactlyEntriesOf(Map.of("disk", 1L));
    assertThat(stats.bySource()).containsExactlyEntriesOf(Map.of("hosts", 1L));
  }

  private static Alert alert(long id, String fingerprint, AlertStatus status, Instant detectedAt) {
    return alert(id, fingerprint, status, detectedAt, null);
  }

  private static Alert alert(
      long id,
      String fingerprint,
      AlertStatus status,
      Instant detectedAt,
      @Nullable Subject subject) {
    return new Alert(
        id,
        fingerprint,
        "hosts",
        "disk",
        Severity.HIGH,
        status,
        "Disk " + fingerprint,
        null,
        subject,
        null,
        null,
        null,
        null,
        Map.of(),
        1,
        detectedAt,
        detectedAt,
        null,
        null,
        status.isFinal() ? detectedAt : null,
        status.isFinal() ? "api" : null,
        null,
        false,
        null,
        1,
        List.of());
  }

  private static ChangeSet create(Alert alert, Subject... subjects) {
    return new ChangeSet(
        List.of(subjects), List.of(alert), List.of(), List.of(entry(alert, HistoryAction.CREATED)));
  }

  private static HistoryEntry entry(Alert alert, HistoryAction action) {
    return new HistoryEntry(
        alert.id(), alert.version(), T0, "test", action, null, alert.status(), List.of(), null);
  }
}
