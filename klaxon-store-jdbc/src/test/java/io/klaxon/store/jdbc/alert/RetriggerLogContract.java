package io.klaxon.store.jdbc.alert;

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
import io.klaxon.engine.EngineMetrics;
import io.klaxon.engine.EngineSettings;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertCounts;
import io.klaxon.store.AlertStore;
import io.klaxon.store.AlertStoreFixture;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.AlertUpdate;
import io.klaxon.store.ConcurrentChange;
import io.klaxon.store.ForwardingAlertStore;
import io.klaxon.store.Retriggers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Log first (issue 22): pure re-triggers are durable in the partition's log, folded into the rows
 * by the materializer, replayed over the rows when a partition loads, never backwards.
 */
interface RetriggerLogContract extends StoreFixture {

  Subject NAS = Subject.of("server", "nas-01", "NAS 01");

  /** Materializes only when closed (or on demand), so that the rows lag behind in between. */
  EngineSettings FOLD_ON_CLOSE =
      new EngineSettings(
          1_000,
          1_000,
          Duration.ofSeconds(10),
          Duration.ofMillis(20),
          Duration.ofSeconds(1),
          Duration.ofMinutes(10),
          Duration.ofMinutes(20));

  private AlertEngine engine(AlertStore store, EngineSettings settings) {
    return AlertEngine.start(store, clock(), settings, EngineMetrics.NONE);
  }

  private long logEntries() {
    try (Connection connection = database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("select count(*) from alert_log")) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long rowsWithOccurrences(long occurrences) {
    try (Connection connection = database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet count =
            statement.executeQuery(
                "select count(*) from alert_occurrences where occurrences = " + occurrences)) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  default void pureRetriggersGoToTheLog_readsOverlayThem_andClosingFoldsThemIntoTheRow() {
    long id;
    try (AlertEngine engine = engine(store(), FOLD_ON_CLOSE)) {
      id = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)).alertOrThrow().id();
      for (int i = 0; i < 5; i++) {
        engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
      }

      // The first re-trigger writes its summary to the history, not the alert's row; its counts
      // and those of the others within the minute go to the log only, one entry per commit.
      assertThat(logEntries()).isEqualTo(5);
      assertThat(store().history(id))
          .extracting(HistoryEntry::action)
          .containsExactly(HistoryAction.CREATED, HistoryAction.RETRIGGERED);
      Alert row = stored(id);
      assertThat(row.occurrences()).as("the row lags behind the log").isEqualTo(1);
      Alert read = engine.current(row);
      assertThat(read.occurrences()).isEqualTo(6);
      assertThat(read.version()).isEqualTo(6);
      assertThat(engine.current(store().find(AlertQuery.all())).alerts())
          .extracting(Alert::occurrences)
          .containsExactly(6L);
    }

    assertThat(stored(id).occurrences()).as("closing drains the log").isEqualTo(6);
    assertThat(stored(id).version()).isEqualTo(6);
    assertThat(logEntries()).isZero();
  }

  @Test
  default void theMaterializerFoldsTheLogShortlyAfter_manyRetriggersIntoOneRowUpdate() {
    EngineSettings soon =
        new EngineSettings(
            1_000,
            1_000,
            Duration.ofSeconds(10),
            Duration.ofMillis(20),
            Duration.ofSeconds(1),
            Duration.ofMillis(50),
            Duration.ofSeconds(30));
    try (AlertEngine engine = engine(store(), soon)) {
      long id = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)).alertOrThrow().id();
      for (int i = 0; i < 20; i++) {
        engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
      }

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(stored(id).occurrences()).isEqualTo(21);
                assertThat(logEntries()).isZero();
                assertThat(engine.materializerLagSeconds()).isZero();
              });
    }
  }

  @Test
  default void aFoldOfMoreAlertsThanOneStatementTakes_writesEveryLaggingRow() {
    int alerts = 4_500; // the fold writes 2,000 a statement: two full chunks and a partial one
    List<AlertCommand> triggers = new ArrayList<>();
    for (int i = 0; i < alerts; i++) {
      triggers.add(AlertStoreFixture.trigger("disk:nas-" + i, NAS));
    }
    EngineSettings foldOnCloseLargeRequests =
        new EngineSettings(
            10_000,
            1_000,
            Duration.ofSeconds(10),
            Duration.ofMillis(20),
            Duration.ofSeconds(1),
            Duration.ofMinutes(10),
            Duration.ofMinutes(20));
    try (AlertEngine engine = engine(store(), foldOnCloseLargeRequests)) {
      for (int round = 0; round < 3; round++) {
        engine.apply(triggers);
      }
      assertThat(rowsWithOccurrences(3)).as("the rows lag behind the log").isZero();
    }

    assertThat(rowsWithOccurrences(3)).isEqualTo(alerts);
    assertThat(logEntries()).isZero();
  }

  @Test
  default void aMaterialChangeAfterLogOnlyRetriggers_passesItsVersionCheck_andKeepsTheCount() {
    long id;
    try (AlertEngine engine = engine(store(), FOLD_ON_CLOSE)) {
      id = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)).alertOrThrow().id();
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));

      Alert acknowledged =
          engine
              .apply(
                  new AlertCommand.Change(
                      AlertRef.id(id), Transition.ACKNOWLEDGE, Actor.of("ops"), null, false))
              .alertOrThrow();

      assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
      Alert row = stored(id);
      assertThat(row.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
      assertThat(row.occurrences()).isEqualTo(3);
      assertThat(row.version()).isEqualTo(acknowledged.version());
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
    }
    assertThat(stored(id).occurrences()).isEqualTo(4);
    assertThat(stored(id).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
  }

  @Test
  default void aLogLeftBehindByACrashIsFoldedBeforeThePartitionLoads() {
    Alert alert = alert(1).fingerprint("disk:nas-01").build();
    create(alert);
    int partition = store().partitioning().of(alert.fingerprint());
    Alert twice = new AlertLogFixture(alert).retriggered(2);
    Alert thrice = new AlertLogFixture(alert).retriggered(3);

    long first = store().commit(emptyChanges(), retriggers(partition, twice, 1));
    long second = store().commit(emptyChanges(), retriggers(partition, thrice, 2));

    assertThat(first).isPositive();
    assertThat(second).isGreaterThan(first);
    assertThat(stored(1).occurrences()).as("only the log has them").isEqualTo(1);
    List<Alert> loaded = store().loadActive(partition);
    assertThat(loaded).singleElement().extracting(Alert::occurrences).isEqualTo(3L);
    assertThat(stored(1).version()).isEqualTo(3);
    assertThat(logEntries()).isZero();
  }

  @Test
  default void retriggersCommittedIntoTheRows_writeTheirCountsInTheCallersTransaction_notTheLog() {
    Alert alert = alert(1).fingerprint("disk:nas-01").build();
    create(alert);
    int partition = store().partitioning().of(alert.fingerprint());
    Alert thrice = new AlertLogFixture(alert).retriggered(3);
    AtomicBoolean inTransaction = new AtomicBoolean();

    store().commit(emptyChanges(), retriggers(partition, thrice, 1), tx -> inTransaction.set(true));

    assertThat(inTransaction).isTrue();
    assertThat(logEntries()).isZero();
    assertThat(stored(1)).isEqualTo(thrice);
  }

  @Test
  default void aRetriggerIntoARowThatMovedMeanwhile_isRefusedWithEverythingElseOfItsCommit() {
    Alert alert = alert(1).fingerprint("disk:nas-01").build();
    create(alert);
    int partition = store().partitioning().of(alert.fingerprint());
    Alert moved = new AlertLogFixture(alert).retriggered(5);
    store()
        .commit(new ChangeSet(List.of(), List.of(), List.of(new AlertUpdate(moved, 1)), List.of()));
    Alert other = alert(2).fingerprint("disk:nas-02").build();
    AtomicBoolean inTransaction = new AtomicBoolean();

    assertThatThrownBy(
            () ->
                store()
                    .commit(
                        creation(other),
                        retriggers(partition, new AlertLogFixture(alert).retriggered(3), 1),
                        tx -> inTransaction.set(true)))
        .isInstanceOf(ConcurrentChange.class)
        .hasMessageContaining("alert 1");

    assertThat(inTransaction).as("refused before the caller's part").isFalse();
    assertThat(stored(1)).isEqualTo(moved);
    assertThat(store().findById(2)).isEmpty();
  }

  @Test
  default void retriggersIntoTheRows_areUndoneWhenTheCallersPartOfTheTransactionFails() {
    Alert alert = alert(1).fingerprint("disk:nas-01").build();
    create(alert);
    int partition = store().partitioning().of(alert.fingerprint());

    assertThatThrownBy(
            () ->
                store()
                    .commit(
                        emptyChanges(),
                        retriggers(partition, new AlertLogFixture(alert).retriggered(3), 1),
                        tx -> {
                          throw new IllegalStateException("fenced");
                        }))
        .hasMessageContaining("fenced");

    assertThat(stored(1)).isEqualTo(alert);
  }

  @Test
  default void replayingAnOldLogEntry_neverMovesAnAlertBackwards() {
    Alert alert = alert(1).fingerprint("disk:nas-01").build();
    create(alert);
    int partition = store().partitioning().of(alert.fingerprint());
    Alert later = new AlertLogFixture(alert).retriggered(5);
    store()
        .commit(new ChangeSet(List.of(), List.of(), List.of(new AlertUpdate(later, 1)), List.of()));

    store()
        .commit(
            emptyChanges(), retriggers(partition, new AlertLogFixture(alert).retriggered(3), 1));
    store().loadActive(partition);

    assertThat(stored(1).occurrences()).isEqualTo(5);
    assertThat(stored(1).version()).isEqualTo(5);
    assertThat(logEntries()).isZero();
  }

  @Test
  default void pastTheBoundOfLag_writesAreRefused_untilTheMaterializerCatchesUp() {
    AtomicBoolean foldFails = new AtomicBoolean(true);
    AlertStore failingFolds =
        new ForwardingAlertStore(store()) {
          @Override
          public long commit(ChangeSet changes, Retriggers retriggers) {
            return delegate.commit(changes, retriggers);
          }

          @Override
          public void fold(int partition, AlertCounts alerts, List<Long> entries) {
            if (foldFails.get()) {
              throw new Unavailable("the database is away");
            }
            delegate.fold(partition, alerts, entries);
          }
        };
    EngineSettings bounded =
        new EngineSettings(
            1_000,
            1_000,
            Duration.ofSeconds(10),
            Duration.ofMillis(20),
            Duration.ofMillis(100),
            Duration.ofMillis(50),
            Duration.ofMillis(300));
    try (AlertEngine engine = engine(failingFolds, bounded)) {
      long id = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)).alertOrThrow().id();
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)); // its summary: in the row
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)); // in the log only

      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> engine.materializerLagSeconds() > 0.3);
      assertThatThrownBy(() -> engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)))
          .isInstanceOf(Unavailable.class)
          .hasMessageContaining("klaxon.engine.max-materializer-lag");
      assertThat(engine.active("disk:nas-01").orElseThrow().occurrences())
          .as("the refused trigger changed nothing")
          .isEqualTo(3);

      foldFails.set(false);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(engine.materializerLagSeconds()).isZero());
      assertThat(stored(id).occurrences()).isEqualTo(3);
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
      assertThat(engine.active("disk:nas-01").orElseThrow().occurrences()).isEqualTo(4);
    }
  }

  private static ChangeSet emptyChanges() {
    return new ChangeSet(List.of(), List.of(), List.of(), List.of());
  }

  private static Retriggers retriggers(int partition, Alert alert, long rowVersion) {
    return new Retriggers(partition, List.of(new AlertUpdate(alert, rowVersion)));
  }

  /** An alert as re-triggered up to a count, as the engine would have it. */
  record AlertLogFixture(Alert alert) {
    Alert retriggered(long occurrences) {
      return new Alert(
          alert.id(),
          alert.fingerprint(),
          alert.source(),
          alert.type(),
          alert.severity(),
          alert.status(),
          alert.title(),
          alert.message(),
          alert.subject(),
          alert.value(),
          alert.previousValue(),
          alert.threshold(),
          alert.changePercent(),
          alert.attributes(),
          occurrences,
          alert.detectedAt(),
          alert.lastSeenAt().plusSeconds(occurrences),
          alert.acknowledgedAt(),
          alert.acknowledgedBy(),
          alert.resolvedAt(),
          alert.resolvedBy(),
          alert.expiresAt(),
          alert.autoResolved(),
          alert.previousSeverity(),
          occurrences,
          alert.suppressedBy());
    }
  }
}
