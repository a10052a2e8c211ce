package io.klaxon.engine;

import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.Severity;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ChangeSet.AlertUpdate;
import io.klaxon.store.ForwardingAlertStore;
import io.klaxon.store.InMemoryAlertStore;
import io.klaxon.store.Retriggers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which re-triggers the engine hands to the store's log (log first, issue 22): only those that move
 * nothing but the alert's counts; a re-trigger's summary is a history row written beside its log
 * entry.
 */
class AlertEngineRetriggerLogTest {

  private final FakeClock clock = new FakeClock();
  private final LoggingStore store = new LoggingStore();

  /**
   * A store with a log: it keeps what it was asked to log, and writes changes as the memory one.
   */
  private static final class LoggingStore extends ForwardingAlertStore {

    final List<List<AlertUpdate>> logged = new ArrayList<>();
    final List<ChangeSet> written = new ArrayList<>();

    LoggingStore() {
      super(new InMemoryAlertStore());
    }

    @Override
    public long commit(ChangeSet changes, Retriggers retriggers) {
      written.add(changes);
      delegate.commit(changes);
      if (retriggers.isEmpty()) {
        return 0;
      }
      logged.add(retriggers.alerts());
      return logged.size();
    }
  }

  private AlertEngine engine() {
    EngineSettings foldOnClose =
        new EngineSettings(
            1_000,
            1_000,
            Duration.ofSeconds(10),
            Duration.ofMillis(20),
            Duration.ofSeconds(1),
            Duration.ofMinutes(10),
            Duration.ofMinutes(20));
    return AlertEngine.start(store, clock, foldOnClose, EngineMetrics.NONE);
  }

  @Test
  void aRetriggerThatMovesOnlyCounts_goesToTheLog_withTheVersionItsRowHolds() {
    try (AlertEngine engine = engine()) {
      engine.apply(trigger("disk:nas-01"));
      engine.apply(trigger("disk:nas-01")); // its summary is due: a history row, counts logged
      engine.apply(trigger("disk:nas-01"));
      engine.apply(trigger("disk:nas-01"));

      assertThat(store.logged).hasSize(3);
      AlertUpdate last = store.logged.getLast().getFirst();
      assertThat(last.alert().occurrences()).isEqualTo(4);
      assertThat(last.alert().version()).isEqualTo(4);
      assertThat(last.expectedVersion()).isEqualTo(3);
      assertThat(store.written.getLast().updated()).isEmpty();
      assertThat(store.written.getLast().history()).isEmpty();
    }
  }

  @Test
  void aRetriggerWithASummaryDue_writesTheSummaryRow_andLogsItsCounts_withoutRewritingTheRow() {
    try (AlertEngine engine = engine()) {
      engine.apply(trigger("disk:nas-01"));

      Alert after = engine.apply(trigger("disk:nas-01")).alertOrThrow(); // its summary is due

      ChangeSet written = store.written.getLast();
      assertThat(written.updated()).as("the alert's row is not rewritten").isEmpty();
      assertThat(written.history())
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.action()).isEqualTo(HistoryAction.RETRIGGERED);
                assertThat(entry.version()).isEqualTo(after.version());
              });
      assertThat(store.logged)
          .singleElement()
          .satisfies(
              entry ->
                  assertThat(entry)
                      .singleElement()
                      .satisfies(
                          update -> {
                            assertThat(update.alert().occurrences()).isEqualTo(2);
                            assertThat(update.expectedVersion()).isEqualTo(1);
                          }));
    }
  }

  @Test
  void aRetriggerThatChangesMoreThanCounts_writesTheRow() {
    try (AlertEngine engine = engine()) {
      engine.apply(trigger("disk:nas-01"));
      engine.apply(trigger("disk:nas-01"));
      AlertCommand.Trigger newAttributes =
          new AlertCommand.Trigger(
              "disk:nas-01",
              Commands.SOURCE,
              Commands.TYPE,
              Severity.HIGH,
              "Disk almost full on disk:nas-01",
              null,
              null,
              null,
              90.0,
              null,
              Map.of("mount", "/data"),
              null,
              null,
              Actor.of(Commands.SOURCE));

      int loggedBefore = store.logged.size();

      Alert after = engine.apply(newAttributes).alertOrThrow();

      assertThat(store.logged).hasSize(loggedBefore);
      assertThat(store.written.getLast().updated())
          .extracting(AlertUpdate::alert)
          .containsExactly(after);
    }
  }

  @Test
  void aMaterialChangeAfterLoggedRetriggers_expectsTheVersionOfTheRow() {
    try (AlertEngine engine = engine()) {
      engine.apply(trigger("disk:nas-01"));
      engine.apply(trigger("disk:nas-01"));
      engine.apply(trigger("disk:nas-01"));
      engine.apply(trigger("disk:nas-01"));

      Alert raised = engine.apply(trigger("disk:nas-01", Severity.CRITICAL)).alertOrThrow();

      AlertUpdate update = store.written.getLast().updated().getFirst();
      assertThat(update.alert()).isEqualTo(raised);
      assertThat(update.expectedVersion())
          .as("the row stayed at the version it was created with while the log moved on")
          .isEqualTo(1);
      assertThat(raised.occurrences()).isEqualTo(5);
    }
  }
}
