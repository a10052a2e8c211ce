package io.klaxon.engine;

import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history of what matters: material changes get a row each, pure re-triggers are counted on the
 * alert and told in at most one summary per alert per minute.
 */
class AlertEngineHistoryTest {

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine;

  @BeforeEach
  void start() {
    engine = AlertEngine.start(store, clock);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void pureRetriggersWithinAMinute_writeNoRowsOfTheirOwn() {
    long id = engine.apply(trigger("fp")).alertOrThrow().id();
    Instant first = clock.advance(Duration.ofSeconds(1));
    engine.apply(trigger("fp"));
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(5));
      engine.apply(trigger("fp"));
    }

    assertThat(engine.active("fp").orElseThrow().occurrences()).isEqualTo(12);
    assertThat(store.findById(id).orElseThrow().occurrences()).isEqualTo(12);
    assertThat(store.history(id))
        .extracting(HistoryEntry::version, HistoryEntry::action, HistoryEntry::note)
        .containsExactly(
            tuple(1L, HistoryAction.CREATED, null),
            tuple(2L, HistoryAction.RETRIGGERED, "re-triggered once at " + first));
  }

  @Test
  void theFirstRetriggerAMinuteAfterTheLastSummary_summarisesCountAndSpan() {
    long id = engine.apply(trigger("fp")).alertOrThrow().id();
    Instant first = clock.advance(Duration.ofSeconds(1));
    engine.apply(trigger("fp")); // summary: once
    Instant pendingSince = clock.advance(Duration.ofSeconds(10));
    engine.apply(trigger("fp"));
    clock.advance(Duration.ofSeconds(30));
    engine.apply(trigger("fp"));
    Instant due = first.plus(Duration.ofMinutes(1)).plus(RetriggerTally.offset(id));
    clock.set(due.minusNanos(1_000));
    engine.apply(trigger("fp"));
    assertThat(store.history(id)).as("not due yet: one summary so far").hasSize(2);
    clock.set(due);
    engine.apply(trigger("fp"));

    HistoryEntry summary = store.history(id).getLast();
    assertThat(summary.action()).isEqualTo(HistoryAction.RETRIGGERED);
    assertThat(summary.at()).isEqualTo(due);
    assertThat(summary.version()).isEqualTo(6);
    assertThat(summary.note())
        .isEqualTo("re-triggered 4 times between " + pendingSince + " and " + due);
    assertThat(summary.changes()).containsExactly(new FieldChange("occurrences", "2", "6"));
    assertThat(summary.isMaterial()).isFalse();
    assertThat(store.history(id)).hasSize(3);
  }

  @Test
  void afterTheSecondSummary_eachComesAMinuteAfterTheOneBefore() {
    long id = engine.apply(trigger("fp")).alertOrThrow().id();
    Instant first = clock.advance(Duration.ofSeconds(1));
    engine.apply(trigger("fp")); // summary: once
    Instant second = first.plus(Duration.ofMinutes(1)).plus(RetriggerTally.offset(id));
    clock.set(second);
    engine.apply(trigger("fp")); // the second summary
    clock.set(second.plus(Duration.ofSeconds(59)));
    engine.apply(trigger("fp"));
    clock.set(second.plus(Duration.ofMinutes(1)));
    engine.apply(trigger("fp"));

    assertThat(store.history(id))
        .extracting(HistoryEntry::at)
        .containsExactly(first.minusSeconds(1), first, second, second.plus(Duration.ofMinutes(1)));
  }

  @Test
  void alertsCreatedTogether_spreadTheirSecondSummariesOverTheMinute() {
    int[] perSixSeconds = new int[10];
    for (long id = 1; id <= 600; id++) {
      Duration offset = RetriggerTally.offset(id);
      assertThat(offset).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(Duration.ofMinutes(1));
      perSixSeconds[(int) (offset.toSeconds() / 6)]++;
    }
    assertThat(Arrays.stream(perSixSeconds).boxed().toList())
        .allSatisfy(n -> assertThat(n).isBetween(45, 75));
  }

  @Test
  void aMaterialChange_tellsTheRetriggersNotYetTold() {
    long id = engine.apply(trigger("fp")).alertOrThrow().id();
    clock.advance(Duration.ofSeconds(1));
    engine.apply(trigger("fp"));
    clock.advance(Duration.ofSeconds(1));
    engine.apply(List.of(trigger("fp"), trigger("fp")));
    clock.advance(Duration.ofSeconds(1));
    engine.apply(change("fp", Transition.ACKNOWLEDGE));
    clock.advance(Duration.ofSeconds(1));
    engine.apply(trigger("fp"));
    engine.apply(trigger("fp", Severity.CRITICAL));

    List<HistoryEntry> history = store.history(id);
    assertThat(history)
        .extracting(HistoryEntry::version, HistoryEntry::action, HistoryEntry::changes)
        .containsExactly(
            tuple(1L, HistoryAction.CREATED, List.of()),
            tuple(2L, HistoryAction.RETRIGGERED, List.of(new FieldChange("occurrences", "1", "2"))),
            tuple(
                5L, HistoryAction.ACKNOWLEDGED, List.of(new FieldChange("occurrences", "2", "4"))),
            tuple(
                7L,
                HistoryAction.RETRIGGERED,
                List.of(
                    new FieldChange("occurrences", "4", "6"),
                    new FieldChange("severity", "high", "critical"))));
    assertThat(history)
        .extracting(HistoryEntry::isMaterial)
        .containsExactly(true, false, true, true);
  }

  @Test
  void aValueOrTextThatMoves_isMaterialAndGetsItsOwnRow() {
    long id = engine.apply(trigger("fp", Severity.HIGH, 1.5, null, null)).alertOrThrow().id();
    clock.advance(Duration.ofSeconds(1));
    engine.apply(trigger("fp", Severity.HIGH, 1.5, null, null)); // pure: summary
    clock.advance(Duration.ofSeconds(1));
    engine.apply(trigger("fp", Severity.HIGH, 1.5, null, null)); // pure: pending
    engine.apply(trigger("fp", Severity.HIGH, 1.8, null, null));

    HistoryEntry moved = store.history(id).getLast();
    assertThat(moved.version()).isEqualTo(4);
    assertThat(moved.isMaterial()).isTrue();
    assertThat(moved.changes())
        .containsExactly(
            new FieldChange("occurrences", "2", "4"), new FieldChange("value", "1.5", "1.8"));
  }

  @Test
  void anAlertThatEnds_hasEveryOccurrenceToldInItsHistory() {
    long id = engine.apply(trigger("fp")).alertOrThrow().id();
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(1));
      engine.apply(trigger("fp"));
    }
    engine.apply(change("fp", Transition.RESOLVE));

    HistoryEntry resolved = store.history(id).getLast();
    assertThat(resolved.action()).isEqualTo(HistoryAction.RESOLVED);
    assertThat(resolved.changes()).containsExactly(new FieldChange("occurrences", "2", "6"));
    assertThat(store.findById(id).orElseThrow().occurrences()).isEqualTo(6);
  }
}
