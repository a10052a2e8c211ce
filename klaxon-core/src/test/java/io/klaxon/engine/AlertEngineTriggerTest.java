package io.klaxon.engine;

import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Triggers: the first one opens an alert, later ones fold into it while it is active. */
class AlertEngineTriggerTest {

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine;

  @BeforeEach
  void start() {
    engine = AlertEngine.start(store, clock);
  }

  @Test
  void firstTrigger_createsOpenAlertAtVersionOne() {
    CommandResult result = engine.apply(trigger("disk:nas-01", Severity.HIGH));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    Alert alert = result.alert();
    assertThat(alert).isNotNull();
    assertThat(alert.id()).isEqualTo(1);
    assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(alert.severity()).isEqualTo(Severity.HIGH);
    assertThat(alert.version()).isEqualTo(1);
    assertThat(alert.occurrences()).isEqualTo(1);
    assertThat(alert.detectedAt()).isEqualTo(clock.instant());
    assertThat(alert.lastSeenAt()).isEqualTo(clock.instant());
    assertThat(alert.acknowledgedAt()).isNull();
    assertThat(alert.resolvedAt()).isNull();
    assertThat(alert.previousSeverity()).isNull();
    assertThat(store.findById(1)).contains(alert);
    assertThat(engine.active("disk:nas-01")).contains(alert);

    List<HistoryEntry> history = store.history(1);
    assertThat(history).hasSize(1);
    HistoryEntry created = history.getFirst();
    assertThat(created.action()).isEqualTo(HistoryAction.CREATED);
    assertThat(created.version()).isEqualTo(1);
    assertThat(created.fromStatus()).isNull();
    assertThat(created.toStatus()).isEqualTo(AlertStatus.OPEN);
    assertThat(created.actor()).isEqualTo(Commands.SOURCE);
    assertThat(created.at()).isEqualTo(clock.instant());
  }

  @Test
  void trigger_withProducerTime_isDetectedThenAndTruncatedToMicroseconds() {
    Instant seen = Instant.parse("2025-03-01T08:59:30.123456789Z");

    Alert alert = engine.apply(trigger("fp", Severity.LOW, null, null, seen)).alert();

    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2025-03-01T08:59:30.123456Z"));
    assertThat(alert.lastSeenAt()).isEqualTo(alert.detectedAt());
  }

  @Test
  void engineTime_isTruncatedToMicroseconds() {
    clock.set(Instant.parse("2025-03-01T10:00:00.000000999Z"));

    Alert alert = engine.apply(trigger("fp")).alert();

    assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
    assertThat(store.history(alert.id()).getFirst().at()).isEqualTo(alert.detectedAt());
  }

  @Test
  void retrigger_ofActiveAlert_updatesItInsteadOfOpeningAnother() {
    Alert first = engine.apply(trigger("fp")).alert();
    Instant later = clock.advance(Duration.ofMinutes(5));

    CommandResult result = engine.apply(trigger("fp"));

    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    Alert again = result.alert();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.occurrences()).isEqualTo(2);
    assertThat(again.version()).isEqualTo(2);
    assertThat(again.lastSeenAt()).isEqualTo(later);
    assertThat(again.detectedAt()).isEqualTo(first.detectedAt());
    assertThat(again.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(store.loadActive()).containsExactly(again);
    assertThat(engine.activeCount()).isEqualTo(1);

    HistoryEntry retriggered = store.history(first.id()).getLast();
    assertThat(retriggered.action()).isEqualTo(HistoryAction.RETRIGGERED);
    assertThat(retriggered.version()).isEqualTo(2);
    assertThat(retriggered.fromStatus()).isEqualTo(AlertStatus.OPEN);
    assertThat(retriggered.toStatus()).isEqualTo(AlertStatus.OPEN);
    assertThat(retriggered.changes()).containsExactly(new FieldChange("occurrences", "1", "2"));
  }

  @Test
  void retrigger_withOtherSeverity_keepsTheOldOneAsPreviousSeverity() {
    engine.apply(trigger("fp", Severity.MEDIUM));

    Alert escalated = engine.apply(trigger("fp", Severity.CRITICAL)).alert();

    assertThat(escalated.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(escalated.previousSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(store.history(escalated.id()).getLast().changes())
        .contains(new FieldChange("severity", "medium", "critical"));
  }

  @Test
  void retrigger_withSameSeverity_recordsNoSeverityChange() {
    engine.apply(trigger("fp", Severity.MEDIUM));

    Alert again = engine.apply(trigger("fp", Severity.MEDIUM)).alert();

    assertThat(again.previousSeverity()).isNull();
    assertThat(store.history(again.id()).getLast().changes())
        .extracting(FieldChange::field)
        .containsExactly("occurrences");
  }

  @Test
  void retrigger_withOtherValue_keepsTheOldOneAsPreviousValue() {
    engine.apply(trigger("fp", Severity.HIGH, 91.0, null, null));

    Alert again = engine.apply(trigger("fp", Severity.HIGH, 97.5, null, null)).alert();

    assertThat(again.value()).isEqualTo(97.5);
    assertThat(again.previousValue()).isEqualTo(91.0);
    assertThat(store.history(again.id()).getLast().changes())
        .contains(new FieldChange("value", "91.0", "97.5"));
  }

  @Test
  void retrigger_withoutValue_keepsTheValue() {
    engine.apply(trigger("fp", Severity.HIGH, 91.0, null, null));

    Alert again = engine.apply(trigger("fp", Severity.HIGH, null, null, null)).alert();

    assertThat(again.value()).isEqualTo(91.0);
    assertThat(again.previousValue()).isNull();
  }

  @Test
  void retrigger_seenEarlierThanLastSighting_doesNotMoveLastSeenBack() {
    clock.advance(Duration.ofMinutes(10));
    Alert first = engine.apply(trigger("fp")).alert();

    Alert late = engine.apply(trigger("fp", Severity.HIGH, null, null, FakeClock.START)).alert();

    assertThat(late.lastSeenAt()).isEqualTo(first.lastSeenAt());
    assertThat(late.occurrences()).isEqualTo(2);
  }

  @Test
  void retrigger_ofAcknowledgedAlert_keepsItAcknowledged() {
    engine.apply(trigger("fp"));
    Alert acknowledged = engine.apply(change("fp", Transition.ACKNOWLEDGE)).alert();
    clock.advance(Duration.ofMinutes(1));

    Alert again = engine.apply(trigger("fp")).alert();

    assertThat(again.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(again.acknowledgedAt()).isEqualTo(acknowledged.acknowledgedAt());
    assertThat(again.occurrences()).isEqualTo(2);
  }

  @Test
  void trigger_afterResolve_opensNewAlertWithNewId() {
    Alert first = engine.apply(trigger("fp")).alert();
    engine.apply(change("fp", Transition.RESOLVE));

    CommandResult result = engine.apply(trigger("fp"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.alert().id()).isNotEqualTo(first.id()).isEqualTo(2);
    assertThat(result.alert().occurrences()).isEqualTo(1);
    assertThat(store.findById(first.id()).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(engine.active("fp")).contains(result.alert());
  }

  @Test
  void triggers_forDifferentFingerprints_openDifferentAlerts() {
    Alert a = engine.apply(trigger("fp-a")).alert();
    Alert b = engine.apply(trigger("fp-b")).alert();

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(engine.activeCount()).isEqualTo(2);
  }

  @Test
  void trigger_withSubject_storesTheSubject() {
    Subject server = Subject.of("server", "nas-01", "NAS");

    Alert alert = engine.apply(trigger("fp", Severity.HIGH, null, server, null)).alert();

    assertThat(alert.subject()).isEqualTo(server);
    assertThat(store.findSubject("server", "nas-01")).contains(server);
  }

  @Test
  void retrigger_aboutTheSubjectItsAlertHas_writesNoSubjectRow() {
    Subject server = Subject.of("server", "nas-01", "NAS");
    engine.apply(trigger("fp", Severity.HIGH, null, server, null));

    engine.apply(trigger("fp", Severity.HIGH, null, Subject.of("server", "nas-01", "NAS"), null));

    assertThat(store.commits().getLast().subjects()).isEmpty();
    assertThat(store.commits().getLast().updated()).hasSize(1);
    assertThat(store.findSubject("server", "nas-01")).contains(server);
  }

  @Test
  void retrigger_withAChangedSubject_writesTheSubjectRow() {
    engine.apply(trigger("fp", Severity.HIGH, null, Subject.of("server", "nas-01", "NAS"), null));
    Subject renamed = Subject.of("server", "nas-01", "NAS in the attic");

    Alert alert = engine.apply(trigger("fp", Severity.HIGH, null, renamed, null)).alert();

    assertThat(alert.subject()).isEqualTo(renamed);
    assertThat(store.commits().getLast().subjects()).containsExactly(renamed);
    assertThat(store.findSubject("server", "nas-01")).contains(renamed);
  }

  @Test
  void manyTriggersOfOneFingerprintInOneBatch_giveOneInsertWithTheirWholeHistory() {
    List<CommandResult> results =
        engine.apply(List.of(trigger("fp"), trigger("fp"), trigger("fp", Severity.CRITICAL)));

    assertThat(results)
        .extracting(CommandResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.UPDATED, Outcome.UPDATED);
    ChangeSet committed = store.commits().getLast();
    assertThat(committed.created()).hasSize(1);
    assertThat(committed.updated()).isEmpty();
    Alert alert = committed.created().getFirst();
    assertThat(alert.occurrences()).isEqualTo(3);
    assertThat(alert.version()).isEqualTo(3);
    assertThat(alert.previousSeverity()).isEqualTo(Severity.HIGH);
    assertThat(committed.history())
        .extracting(HistoryEntry::version, HistoryEntry::action)
        .containsExactly(
            tuple(1L, HistoryAction.CREATED),
            tuple(2L, HistoryAction.RETRIGGERED),
            tuple(3L, HistoryAction.RETRIGGERED));
    assertThat(store.loadActive()).containsExactly(alert);
  }
}
