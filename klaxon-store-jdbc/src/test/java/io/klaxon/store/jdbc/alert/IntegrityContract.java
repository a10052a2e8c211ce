package io.klaxon.store.jdbc.alert;

import static io.klaxon.store.AlertBuilder.T0;
import static io.klaxon.store.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStoreFixture;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.AlertUpdate;
import io.klaxon.store.ConcurrentChange;
import io.klaxon.store.IdBlocks;
import io.klaxon.store.jdbc.CuttableDataSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the store guards: one active alert per fingerprint, versions, cascades, ids. */
interface IntegrityContract extends StoreFixture {

  Subject NAS_01 = Subject.of("server", "nas-01", "NAS 01");
  Subject NAS_02 = Subject.of("server", "nas-02", "NAS 02");

  @Test
  default void reTriggerOfSameFingerprintWhileActiveIsRefusedByUniqueIndex() {
    create(alert(1).fingerprint("disk:nas-01").status(AlertStatus.ACKNOWLEDGED).build());

    assertThatThrownBy(() -> create(alert(2).fingerprint("disk:nas-01").build()))
        .isInstanceOf(ConcurrentChange.class)
        .hasMessageContaining("another writer");
    assertThat(store().findById(2)).isEmpty();
    assertThat(store().history(2)).isEmpty();
  }

  @Test
  default void anAlertIdThatIsAlreadyStoredIsReportedAsAConcurrentChange() {
    create(alert(7).fingerprint("disk:nas-01").build());

    assertThatThrownBy(() -> create(alert(7).fingerprint("disk:nas-02").build()))
        .isInstanceOf(ConcurrentChange.class);
    assertThat(store().findById(7).orElseThrow().fingerprint()).isEqualTo("disk:nas-01");
  }

  @Test
  default void aNewAlertForTheFingerprintIsAllowedOnceTheActiveOneIsResolved() {
    Alert first = alert(1).fingerprint("disk:nas-01").build();
    create(first, alert(2).fingerprint("disk:nas-01").status(AlertStatus.EXPIRED).build());
    Alert resolved =
        first.withStatus(AlertStatus.RESOLVED, null, null, T0.plusSeconds(1), "detector", true);
    Alert second = alert(3).fingerprint("disk:nas-01").build();

    // One change set resolves the active alert and opens its successor.
    store()
        .commit(
            new ChangeSet(
                List.of(),
                List.of(second),
                List.of(new AlertUpdate(resolved, 1)),
                List.of(AlertStoreFixture.createdEntry(second))));

    assertThat(stored(1).status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(stored(3).status()).isEqualTo(AlertStatus.OPEN);
  }

  @Test
  default void theEngineOpensANewAlertAfterTheActiveOneIsResolved() {
    long first;
    CommandResult again;
    try (AlertEngine engine = engine()) {
      first = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS_01)).alertOrThrow().id();
      engine.apply(AlertCommand.Change.of(AlertRef.id(first), Transition.RESOLVE, Actor.of("ops")));
      again = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS_01));
    }

    assertThat(again.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(again.alertOrThrow().id()).isNotEqualTo(first);
    assertThat(store().loadActive()).containsExactly(again.alert());
  }

  @Test
  default void aWrongExpectedVersionRefusesTheWholeChangeSet() {
    Alert one = alert(1).build();
    Alert two = alert(2).build();
    create(one, two);
    Alert acknowledged =
        one.withStatus(AlertStatus.ACKNOWLEDGED, T0.plusSeconds(9), "ops", null, null, false);
    Alert resolved =
        two.withStatus(AlertStatus.RESOLVED, null, null, T0.plusSeconds(9), "ops", false);
    Subject newcomer = Subject.of("server", "nas-09", null);
    Alert created = alert(3).subject(newcomer).build();
    ChangeSet changes =
        new ChangeSet(
            List.of(newcomer),
            List.of(created),
            List.of(new AlertUpdate(acknowledged, 1), new AlertUpdate(resolved, 7)),
            List.of(
                AlertStoreFixture.createdEntry(created),
                new HistoryEntry(
                    1,
                    2,
                    T0.plusSeconds(9),
                    "ops",
                    HistoryAction.ACKNOWLEDGED,
                    AlertStatus.OPEN,
                    AlertStatus.ACKNOWLEDGED,
                    List.of(),
                    null)));

    assertThatThrownBy(() -> store().commit(changes))
        .isInstanceOf(ConcurrentChange.class)
        .hasMessageContaining("alert 2");

    assertThat(stored(1)).isEqualTo(one);
    assertThat(stored(2)).isEqualTo(two);
    assertThat(store().findById(3)).isEmpty();
    assertThat(store().findSubject("server", "nas-09")).isEmpty();
    assertThat(store().history(1)).hasSize(1);
    assertThat(store().maxAlertId()).isEqualTo(2);
  }

  @Test
  default void deletingASubjectDeletesItsAlertsAndTheirHistory() {
    create(
        alert(1).subject(NAS_01).build(),
        alert(2).subject(NAS_01).fingerprint("cpu:nas-01").build(),
        alert(3).subject(NAS_02).build());

    execute("delete from subjects where type = ? and key = ?", "server", "nas-01");

    assertThat(store().findById(1)).isEmpty();
    assertThat(store().findById(2)).isEmpty();
    assertThat(store().history(1)).isEmpty();
    assertThat(store().findById(3)).isPresent();
    assertThat(store().history(3)).hasSize(1);
  }

  @Test
  default void loadActiveReturnsOnlyOpenAndAcknowledgedAlerts() {
    create(
        alert(1).build(),
        alert(2).status(AlertStatus.ACKNOWLEDGED).build(),
        alert(3).status(AlertStatus.RESOLVED).build(),
        alert(4).status(AlertStatus.DISMISSED).build(),
        alert(5).status(AlertStatus.EXPIRED).build());

    assertThat(store().loadActive()).extracting(Alert::id).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  default void maxAlertIdIsZeroForAnEmptyStoreAndNeverGoesBack() {
    assertThat(store().maxAlertId()).isZero();
    create(alert(1).subject(NAS_01).build(), alert(2).build(), alert(3).subject(NAS_01).build());
    assertThat(store().maxAlertId()).isEqualTo(3);

    // Retention or a deleted subject removes alerts; their ids stay taken.
    execute("delete from subjects");

    assertThat(store().maxAlertId()).isEqualTo(3);
    try (AlertEngine engine = engine()) {
      assertThat(engine.apply(AlertStoreFixture.trigger("disk:nas-02", NAS_02)).alertOrThrow().id())
          .isEqualTo(4);
    }
  }

  @Test
  default void aRestartedEngineStillDeduplicatesActiveAlerts() {
    Alert opened;
    try (AlertEngine engine = engine()) {
      opened = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS_01)).alertOrThrow();
    }

    CommandResult again;
    CommandResult other;
    JdbcAlertStore reopened = JdbcAlertStore.open(database().dataSource());
    try (AlertEngine restarted = AlertEngine.start(reopened, clock())) {
      again = restarted.apply(AlertStoreFixture.trigger("disk:nas-01", NAS_01));
      other = restarted.apply(AlertStoreFixture.trigger("disk:nas-02", NAS_02));
    }

    assertThat(again.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(again.alertOrThrow().id()).isEqualTo(opened.id());
    assertThat(stored(opened.id()).occurrences()).isEqualTo(2);
    assertThat(other.alertOrThrow().id()).isEqualTo(opened.id() + 1);
    assertThat(store().loadActive()).hasSize(2);
  }

  @Test
  default void aDatabaseThatCannotBeReachedMakesTheStoreUnavailable() {
    CuttableDataSource dataSource = new CuttableDataSource(database().dataSource());
    JdbcAlertStore cutOff = JdbcAlertStore.open(dataSource);
    dataSource.cut();

    assertThatThrownBy(() -> cutOff.commit(creation(alert(1).build())))
        .isInstanceOf(Unavailable.class)
        .hasMessageContaining("cannot be reached to commit alert changes");
    assertThatThrownBy(() -> cutOff.find(AlertQuery.all())).isInstanceOf(Unavailable.class);
    assertThatThrownBy(cutOff::loadActive).isInstanceOf(Unavailable.class);
  }

  @Test
  default void idBlocksNeverOverlap_andStartAfterEveryIdStoredOrDeleted() {
    IdBlocks blocks = store().idBlocks().orElseThrow();
    long first = blocks.reserve(10);
    long second = blocks.reserve(5);
    assertThat(second).isEqualTo(first + 10);

    // An alert stored without a reservation (an older version wrote it) moves the counter on...
    create(alert(second + 100).subject(NAS_01).build());
    assertThat(blocks.reserve(1)).isEqualTo(second + 100);
    // ...and so does its id after it was deleted behind the store's back.
    execute("delete from subjects");
    create(alert(second + 500).subject(NAS_01).build());
    execute("delete from subjects");
    assertThat(store().maxAlertId()).isEqualTo(second + 500);
    assertThat(blocks.reserve(1)).isEqualTo(second + 500);
    assertThatThrownBy(() -> blocks.reserve(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * An engine that dies (kill -9) loses the rest of its block of ids; an engine started after it
   * (or beside it, as another process) never hands out one of them, nor any id handed out before.
   */
  @Test
  default void idsOfAnEngineThatDiedAreNeverHandedOutAgain() {
    AlertEngine died = engine(); // never closed: as after kill -9, its block is lost with it
    List<Long> ids = new java.util.ArrayList<>();
    ids.add(died.apply(AlertStoreFixture.trigger("disk:nas-01", NAS_01)).alertOrThrow().id());
    JdbcAlertStore reopened = JdbcAlertStore.open(database().dataSource());
    try (AlertEngine restarted = AlertEngine.start(reopened, clock())) {
      for (int i = 0; i < 3; i++) {
        long id =
            restarted
                .apply(AlertStoreFixture.trigger("disk:nas-02:" + i, NAS_02))
                .alertOrThrow()
                .id();
        assertThat(id).isGreaterThan(ids.getFirst());
        ids.add(id);
        // The dead engine's memory still holds its block: what it would hand out stays apart.
        ids.add(
            died.apply(AlertStoreFixture.trigger("disk:nas-01:" + i, NAS_01)).alertOrThrow().id());
      }
    } finally {
      died.close();
    }

    assertThat(ids).doesNotHaveDuplicates().hasSize(7);
    assertThat(store().find(AlertQuery.all()).total()).isEqualTo(7);
  }
}
