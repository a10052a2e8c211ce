package io.klaxon.engine;

import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.note;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.ChangeSet;
import io.klaxon.store.ConcurrentChange;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Batches: refusals stay alone, a failed commit leaves no trace, changes are coalesced. */
class AlertEngineBatchTest {

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine;

  @BeforeEach
  void start() {
    engine = AlertEngine.start(store, clock);
  }

  @Test
  void refusedCommand_failsAlone_andTheOthersCommit() {
    Alert resolved = engine.apply(trigger("old")).alert();
    engine.apply(change("old", Transition.RESOLVE));

    List<CommandResult> results =
        engine.apply(
            List.of(
                trigger("fp-a"),
                change(resolved.id(), Transition.ACKNOWLEDGE),
                change(99, Transition.RESOLVE),
                trigger("fp-b")));

    assertThat(results)
        .extracting(CommandResult::outcome)
        .containsExactly(Outcome.CREATED, Outcome.REFUSED, Outcome.REFUSED, Outcome.CREATED);
    assertThat(results.get(1).refusal()).isInstanceOf(TransitionRefused.class);
    assertThat(results.get(2).refusal()).isInstanceOf(NotFound.class);
    assertThat(engine.active("fp-a")).isPresent();
    assertThat(engine.active("fp-b")).isPresent();
    assertThat(store.loadActive()).extracting(Alert::fingerprint).containsExactly("fp-a", "fp-b");
    assertThat(store.findById(resolved.id()).orElseThrow().status())
        .isEqualTo(AlertStatus.RESOLVED);
  }

  @Test
  void failedCommit_surfacesAsUnavailable_andLeavesNoTrace() {
    Alert a = engine.apply(trigger("fp-a")).alert();
    List<Alert> storedBefore = store.all();
    IllegalStateException databaseDown = new IllegalStateException("database down");
    store.failNextCommit(databaseDown);

    assertThatThrownBy(
            () ->
                engine.apply(
                    List.of(
                        trigger("fp-a"),
                        trigger("fp-b"),
                        change("fp-a", Transition.ACKNOWLEDGE),
                        trigger("fp-c"))))
        .isInstanceOf(Unavailable.class)
        .hasCause(databaseDown);

    assertThat(store.all()).isEqualTo(storedBefore);
    assertThat(engine.active("fp-a")).contains(a);
    assertThat(engine.active("fp-b")).isEmpty();
    assertThat(engine.activeCount()).isEqualTo(1);

    // The next batch behaves as if the failed one had never been sent.
    List<CommandResult> retried =
        engine.apply(
            List.of(trigger("fp-c"), trigger("fp-a"), change("fp-a", Transition.ACKNOWLEDGE)));
    assertThat(retried.get(0).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(retried.get(0).alert().id()).isEqualTo(2);
    assertThat(retried.get(1).alert().occurrences()).isEqualTo(2);
    assertThat(retried.get(1).alert().version()).isEqualTo(2);
    assertThat(retried.get(2).outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
    assertThat(retried.get(2).alert().version()).isEqualTo(3);
    assertThat(store.history(a.id())).extracting(HistoryEntry::version).containsExactly(1L, 2L, 3L);
  }

  @Test
  void failedCommit_ofASingleCommand_throwsUnavailable() {
    store.failNextCommit();

    assertThatThrownBy(() -> engine.apply(trigger("fp"))).isInstanceOf(Unavailable.class);
    assertThat(engine.apply(trigger("fp")).alert().id()).isEqualTo(1);
  }

  @Test
  void storeUnavailableOnce_isRetried_andTheCommandCommitsOnce() {
    store.failNextCommit(new Unavailable("pool closed"));

    CommandResult result = engine.apply(trigger("fp"));

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(store.findById(result.alert().id())).contains(result.alert());
    assertThat(store.history(result.alert().id())).hasSize(1);
  }

  @Test
  void severalChangesToOneStoredAlert_giveOneUpdateAtTheStoredVersion() {
    Alert stored = engine.apply(trigger("fp")).alert();
    clock.advance(Duration.ofMinutes(1));

    engine.apply(
        List.of(
            trigger("fp", Severity.CRITICAL),
            change("fp", Transition.ACKNOWLEDGE),
            note(AlertRef.id(stored.id()), "on it"),
            change(stored.id(), Transition.RESOLVE)));

    ChangeSet committed = store.commits().getLast();
    assertThat(committed.created()).isEmpty();
    assertThat(committed.updated()).hasSize(1);
    ChangeSet.AlertUpdate update = committed.updated().getFirst();
    assertThat(update.expectedVersion()).isEqualTo(1);
    assertThat(update.alert().version()).isEqualTo(5);
    assertThat(update.alert().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(update.alert().acknowledgedAt()).isEqualTo(clock.instant());
    assertThat(committed.history())
        .extracting(HistoryEntry::version, HistoryEntry::action)
        .containsExactly(
            tuple(2L, HistoryAction.RETRIGGERED),
            tuple(3L, HistoryAction.ACKNOWLEDGED),
            tuple(4L, HistoryAction.NOTED),
            tuple(5L, HistoryAction.RESOLVED));
    assertThat(engine.active("fp")).isEmpty();
  }

  @Test
  void resolveThenTrigger_inOneBatch_opensTheNextAlertForTheFingerprint() {
    Alert first = engine.apply(trigger("fp")).alert();

    List<CommandResult> results =
        engine.apply(
            List.of(
                change("fp", Transition.RESOLVE),
                trigger("fp"),
                change("fp", Transition.ACKNOWLEDGE)));

    Alert second = results.get(1).alert();
    assertThat(results.get(1).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(second.id()).isEqualTo(first.id() + 1);
    assertThat(results.get(2).alert().id()).isEqualTo(second.id());
    assertThat(engine.active("fp").orElseThrow().id()).isEqualTo(second.id());
    assertThat(engine.active("fp").orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(store.findById(first.id()).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(engine.activeCount()).isEqualTo(1);
  }

  @Test
  void batchThatChangesNothing_isNotCommitted() {
    engine.apply(trigger("fp"));
    int commits = store.commits().size();

    List<CommandResult> results =
        engine.apply(
            List.of(change("fp", Transition.UNACKNOWLEDGE), change("none", Transition.RESOLVE)));

    assertThat(results).extracting(CommandResult::outcome).containsOnly(Outcome.UNCHANGED);
    assertThat(store.commits()).hasSize(commits);
  }

  @Test
  void alertChangedByAnotherWriter_failsTheBatch_reloads_andTheRetrySucceeds() {
    Alert alert = engine.apply(trigger("fp")).alert();
    AlertEngine other = AlertEngine.start(store, clock);
    other.apply(change("fp", Transition.ACKNOWLEDGE));

    assertThatThrownBy(() -> engine.apply(change("fp", Transition.RESOLVE)))
        .isInstanceOf(Unavailable.class)
        .hasCauseInstanceOf(ConcurrentChange.class);

    assertThat(engine.active("fp").orElseThrow().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    Alert resolved = engine.apply(change("fp", Transition.RESOLVE)).alert();
    assertThat(resolved.id()).isEqualTo(alert.id());
    assertThat(resolved.version()).isEqualTo(3);
    assertThat(resolved.acknowledgedAt()).isNotNull();
  }

  @Test
  void newEngineOnTheSameStore_continuesDeduplicationAndIds() {
    Alert first = engine.apply(trigger("fp-a")).alert();
    engine.apply(trigger("fp-b"));
    engine.apply(change("fp-b", Transition.RESOLVE));

    AlertEngine restarted = AlertEngine.start(store, clock);

    assertThat(restarted.activeCount()).isEqualTo(1);
    CommandResult again = restarted.apply(trigger("fp-a"));
    assertThat(again.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(again.alert().id()).isEqualTo(first.id());
    assertThat(again.alert().occurrences()).isEqualTo(2);
    CommandResult reopened = restarted.apply(trigger("fp-b"));
    assertThat(reopened.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(reopened.alert().id()).isEqualTo(3);
  }
}
