package io.klaxon.store;

import static io.klaxon.store.AlertBuilder.T0;
import static io.klaxon.store.AlertBuilder.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.store.ChangeSet.AlertUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is written comes back exactly: every alert field, history and subjects. */
public interface RoundTripContract extends AlertStoreFixture {

  Subject NAS =
      new Subject(
          "server",
          "nas-01",
          "NAS in the attic",
          T0.plusSeconds(3_600).plusNanos(7_000),
          Map.of("rack", "r1", "cores", 8, "ssd", true));

  /** Attributes with a value of every JSON type, nested ones included. */
  Map<String, Object> ATTRIBUTES =
      Map.of(
          "bookmaker",
          "house",
          "strategyId",
          123,
          "big",
          9_007_199_254_740_993L,
          "line",
          2.5,
          "live",
          true,
          "suspended",
          false,
          "outcomes",
          List.of("home", "draw", 3, 1.5, false),
          "metadata",
          Map.of("rule", "r-7", "nested", Map.of("depth", 2, "tags", List.of())));

  @Test
  default void everyAlertFieldSurvivesARoundTrip() {
    Alert alert =
        new Alert(
            7,
            "price:1234:1x2:home",
            "odds",
            "price_change",
            Severity.HIGH,
            AlertStatus.ACKNOWLEDGED,
            "Price moved",
            "Home odds 2.10 → 2.45 (ünïcode ✓)",
            NAS,
            2.45,
            2.10,
            0.1,
            16.666666666666668,
            ATTRIBUTES,
            3,
            T0,
            T0.plus(Duration.ofNanos(1_000)),
            T0.plusSeconds(5).plusNanos(999_999_000),
            "key:désk-ops",
            null,
            null,
            Instant.parse("2100-01-01T00:00:00.000001Z"),
            false,
            Severity.MEDIUM,
            4,
            List.of());

    create(alert);

    assertThat(store().findById(7)).contains(alert);
  }

  @Test
  default void nullableFieldsComeBackAsNulls() {
    Alert alert =
        new Alert(
            8,
            "fp-8",
            "hosts",
            "offline",
            Severity.INFO,
            AlertStatus.RESOLVED,
            "Offline",
            null,
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            1,
            Instant.parse("1969-12-31T23:59:59.999999Z"),
            T0,
            null,
            null,
            T0.plusSeconds(1),
            null,
            null,
            true,
            null,
            2,
            List.of());

    create(alert);

    assertThat(store().findById(8)).contains(alert);
  }

  @Test
  default void anUpdateRewritesEveryFieldThatMayChange() {
    Alert before = alert(1).subject(NAS).build();
    create(before);
    Subject moved = new Subject("server", "nas-02", "NAS in the cellar", null, Map.of());
    Alert after =
        new Alert(
            1,
            before.fingerprint(),
            before.source(),
            before.type(),
            Severity.CRITICAL,
            AlertStatus.RESOLVED,
            "New title",
            "New message",
            moved,
            99.5,
            91.0,
            95.0,
            9.3,
            ATTRIBUTES,
            5,
            before.detectedAt(),
            T0.plusSeconds(60).plusNanos(1_000),
            T0.plusSeconds(61),
            "ops",
            T0.plusSeconds(62),
            "key:nightly",
            T0.plusSeconds(3_600),
            true,
            Severity.MEDIUM,
            2,
            List.of());

    store()
        .commit(
            new ChangeSet(
                List.of(moved), List.of(), List.of(new AlertUpdate(after, 1)), List.of()));

    assertThat(stored(1)).isEqualTo(after);
  }

  @Test
  default void anUpdateThatChangesNoIndexedFieldKeepsTheRestAsItWas() {
    Alert before = alert(1).subject(NAS).status(AlertStatus.ACKNOWLEDGED).build();
    create(before);
    Alert after = before.touched();

    store()
        .commit(new ChangeSet(List.of(), List.of(), List.of(new AlertUpdate(after, 1)), List.of()));

    assertThat(stored(1)).isEqualTo(after);
    var acknowledgedOnNas =
        QueryBuilder.query().statuses(AlertStatus.ACKNOWLEDGED).subject("server", "nas-01");
    assertThat(store().find(acknowledgedOnNas.build()).total()).isEqualTo(1);
  }

  @Test
  default void historyComesBackOldestFirstWithEveryField() {
    Alert alert = alert(1).build();
    HistoryEntry created = AlertStoreFixture.createdEntry(alert);
    HistoryEntry retriggered =
        new HistoryEntry(
            1,
            2,
            T0.plusNanos(1_000),
            "detector",
            HistoryAction.RETRIGGERED,
            AlertStatus.OPEN,
            AlertStatus.OPEN,
            List.of(
                new FieldChange("occurrences", "1", "2"), new FieldChange("value", null, "91.5")),
            null);
    HistoryEntry acknowledged =
        new HistoryEntry(
            1,
            3,
            T0.plusSeconds(2),
            "ops@example.com",
            HistoryAction.ACKNOWLEDGED,
            AlertStatus.OPEN,
            AlertStatus.ACKNOWLEDGED,
            List.of(),
            "looking into it");
    // Written out of order, read back by version.
    store()
        .commit(
            new ChangeSet(
                List.of(),
                List.of(alert.touched().touched()),
                List.of(),
                List.of(acknowledged, created, retriggered)));

    assertThat(store().history(1)).containsExactly(created, retriggered, acknowledged);
    assertThat(store().history(2)).isEmpty();
  }

  @Test
  default void theEngineRecordsEveryChangeInTheHistory() {
    long id;
    Instant retriggeredAt;
    try (AlertEngine engine = engine()) {
      id = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)).alertOrThrow().id();
      clock().advance(Duration.ofSeconds(1));
      retriggeredAt = clock().instant();
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
      engine.apply(
          new AlertCommand.Change(
              AlertRef.id(id), Transition.ACKNOWLEDGE, Actor.of("ops"), "on it", false));
      engine.apply(new AlertCommand.Note(AlertRef.id(id), "disk ordered", Actor.of("ops")));
      engine.apply(
          AlertCommand.Change.of(
              AlertRef.fingerprint("disk:nas-01"), Transition.RESOLVE, Actor.of("ops")));
    }

    assertThat(store().history(id))
        .extracting(HistoryEntry::version, HistoryEntry::action, HistoryEntry::note)
        .containsExactly(
            tuple(1L, HistoryAction.CREATED, null),
            tuple(2L, HistoryAction.RETRIGGERED, "re-triggered once at " + retriggeredAt),
            tuple(3L, HistoryAction.ACKNOWLEDGED, "on it"),
            tuple(4L, HistoryAction.NOTED, "disk ordered"),
            tuple(5L, HistoryAction.RESOLVED, null));
    assertThat(stored(id).status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(stored(id).occurrences()).isEqualTo(2);
    assertThat(stored(id).version()).isEqualTo(5);
  }

  @Test
  default void aSubjectIsInsertedThenRefreshedWhenItChanges() {
    Subject first = Subject.of("event", "1234", "Arsenal v Chelsea");
    store().commit(new ChangeSet(List.of(first), List.of(), List.of(), List.of()));
    assertThat(store().findSubject("event", "1234")).contains(first);

    Subject moved =
        new Subject(
            "event",
            "1234",
            "Arsenal v Chelsea (moved)",
            T0.plusSeconds(7_200),
            Map.of("league", "EPL", "round", 12));
    store().commit(new ChangeSet(List.of(moved, moved), List.of(), List.of(), List.of()));
    store().commit(new ChangeSet(List.of(moved), List.of(), List.of(), List.of()));

    assertThat(store().findSubject("event", "1234")).contains(moved);
    assertThat(store().findSubject("event", "9999")).isEmpty();
  }

  @Test
  default void aLargeChangeSetIsWrittenInOneCommit() {
    int count = 1_250; // more rows than one multi-row insert of alerts may bind (1,200)
    Alert[] alerts = new Alert[count];
    for (int i = 0; i < count; i++) {
      Subject subject = Subject.of("server", "host-" + (i % 100), null);
      alerts[i] = alert(i + 1).subject(subject).attributes(Map.of("n", i)).build();
    }

    create(alerts);

    var firstPage = QueryBuilder.query().page(AlertSort.DETECTED_AT_ASC, 1, 0).build();
    assertThat(store().find(firstPage).total()).isEqualTo(count);
    assertThat(stored(count)).isEqualTo(alerts[count - 1]);
    assertThat(store().history(count)).hasSize(1);
    assertThat(store().maxAlertId()).isEqualTo(count);
  }
}
