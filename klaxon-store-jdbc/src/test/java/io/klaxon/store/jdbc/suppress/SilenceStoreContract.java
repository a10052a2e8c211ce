package io.klaxon.store.jdbc.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.suppress.Matchers;
import io.klaxon.suppress.Silence;
import io.klaxon.suppress.Snooze;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * How silences are kept on every database (ids assigned, matcher sets and times exact), and an
 * alert's suppression with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SilenceStoreContract {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

  private TestDatabase database;
  private JdbcAlertStore alerts;
  private JdbcSilenceStore store;

  protected abstract TestDatabase openDatabase();

  @BeforeAll
  void open() {
    database = openDatabase();
    alerts = JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
    store = JdbcSilenceStore.open(database.dataSource());
  }

  @BeforeEach
  void clear() throws Exception {
    try (var connection = database.dataSource().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("delete from silences");
    }
  }

  @AfterAll
  void close() {
    database.close();
  }

  private static Silence silence(String uuid, String... sets) {
    return new Silence(
        0,
        uuid,
        List.of(sets).stream().map(set -> Matchers.parse("m", set)).toList(),
        T0,
        T0.plusSeconds(3600),
        "ops",
        "disk swap",
        T0);
  }

  @Test
  void addedSilence_readsBackExactly_byIdAndByUuid() {
    Silence added =
        store.add(
            silence(
                "5b6e0a52-0000-4000-8000-000000000001",
                "{alertname=\"Disk\",severity=~\"high|critical\"}",
                "{\"service.name\"!~\"a,\\\"b\\\"\\nc\",job!=\"x\"}"));

    assertThat(added.id()).isPositive();
    assertThat(store.find(added.id())).contains(added);
    assertThat(store.findByUuid(added.uuid())).contains(added);
  }

  @Test
  void update_changesTheSpan_andKeepsTheIdentity() {
    Silence added = store.add(silence("5b6e0a52-0000-4000-8000-000000000002", "a=b"));
    Silence ended = added.during(added.startsAt(), T0.plusSeconds(60), T0.plusSeconds(60));

    store.update(ended);

    assertThat(store.find(added.id())).contains(ended);
  }

  @Test
  void alertSuppression_isStoredThroughTheEngine_andReadBackExactly() {
    AlertEngine engine = AlertEngine.start(alerts, () -> T0);
    try {
      Alert opened =
          engine
              .apply(
                  new AlertCommand.Trigger(
                      "fp-" + UUID.randomUUID(),
                      "test",
                      "disk",
                      Severity.HIGH,
                      "Disk",
                      null,
                      null,
                      null,
                      null,
                      null,
                      Map.of(),
                      null,
                      null,
                      Actor.of("test")))
              .alert();
      List<Suppressor> by =
          List.of(
              new Suppressor(SuppressionKind.SILENCE, "u-1", T0.plusSeconds(60)),
              new Suppressor(SuppressionKind.INHIBITION, "critical-over-warning", null));

      engine.apply(new AlertCommand.Suppress(opened.id(), by, Actor.of("klaxon")));

      assertThat(alerts.findById(opened.id()).orElseThrow().suppressedBy()).isEqualTo(by);
      engine.apply(new AlertCommand.Suppress(opened.id(), List.of(), Actor.of("klaxon")));
      assertThat(alerts.findById(opened.id()).orElseThrow().suppressed()).isFalse();
      assertThat(alerts.history(opened.id()))
          .extracting(HistoryEntry::action)
          .containsExactly(
              HistoryAction.CREATED, HistoryAction.SUPPRESSED, HistoryAction.UNSUPPRESSED);
    } finally {
      engine.close();
    }
  }

  @Test
  void snooze_isKeptOnePerAlert_replaced_andRemoved() {
    JdbcSnoozeStore snoozes = JdbcSnoozeStore.open(database.dataSource());
    long alertId = 1_000_000 + UUID.randomUUID().getMostSignificantBits() % 1000;
    Snooze first = new Snooze(alertId, T0.plusSeconds(60), "ann", "lunch");
    Snooze second = new Snooze(alertId, T0.plusSeconds(600), "bob", null);

    snoozes.put(first);
    snoozes.put(second);

    assertThat(snoozes.all()).filteredOn(s -> s.alertId() == alertId).containsExactly(second);
    assertThat(snoozes.remove(alertId)).isTrue();
    assertThat(snoozes.remove(alertId)).isFalse();
    assertThat(snoozes.all()).noneMatch(s -> s.alertId() == alertId);
  }

  @Test
  void all_listsOldestFirst_andUnknownIdsFindNothing() {
    Silence first = store.add(silence("5b6e0a52-0000-4000-8000-000000000003", "a=b"));
    Silence second = store.add(silence("5b6e0a52-0000-4000-8000-000000000004", "a=c"));

    assertThat(store.all()).containsExactly(first, second);
    assertThat(store.find(second.id() + 100)).isEmpty();
    assertThat(store.findByUuid("no-such-silence")).isEmpty();
  }
}
