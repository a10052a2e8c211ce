package io.klaxon.engine;

import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.ChangeSet.SubjectRef;
import io.klaxon.store.InMemoryAlertStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Purges: a subject goes with all its alerts and their history, in memory and in the store. */
class AlertEnginePurgeTest {

  static final Subject NAS_01 = Subject.of("server", "nas-01", "NAS 01");
  static final Subject NAS_02 = Subject.of("server", "nas-02", "NAS 02");

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private final AlertEngine engine = AlertEngine.start(store, clock);

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void purge_deletesTheSubjectsAlertsActiveAndFinal_andLeavesOthersAlone() {
    long resolved = open("cpu:nas-01", NAS_01);
    engine.apply(change(resolved, Transition.RESOLVE));
    long active = open("disk:nas-01", NAS_01);
    long other = open("disk:nas-02", NAS_02);

    CommandResult result = engine.apply(purge("nas-01"));

    assertThat(result.outcome()).isEqualTo(Outcome.PURGED);
    assertThat(store.findById(resolved)).isEmpty();
    assertThat(store.findById(active)).isEmpty();
    assertThat(store.history(active)).isEmpty();
    assertThat(store.findSubject("server", "nas-01")).isEmpty();
    assertThat(store.findById(other)).isPresent();
    assertThat(engine.active("disk:nas-01")).isEmpty();
    assertThat(engine.activeCount()).isEqualTo(1);
    assertThat(store.commits().getLast().purged())
        .containsExactly(new SubjectRef("server", "nas-01"));
  }

  @Test
  void afterAPurge_aTriggerOpensANewAlert_withANewId() {
    long first = open("disk:nas-01", NAS_01);
    engine.apply(purge("nas-01"));

    Alert again = engine.apply(trigger("disk:nas-01", Severity.HIGH, null, NAS_01, null)).alert();

    assertThat(again.id()).isGreaterThan(first);
    assertThat(again.occurrences()).isEqualTo(1);
    assertThat(store.findSubject("server", "nas-01")).isPresent();
  }

  @Test
  void inOneBatch_changesBeforeThePurgeAreDropped_andTriggersAfterItOpenNewAlerts() {
    long stored = open("disk:nas-01", NAS_01);

    List<CommandResult> results =
        engine.apply(
            List.of(
                trigger("disk:nas-01", Severity.CRITICAL, null, NAS_01, null),
                trigger("cpu:nas-01", Severity.HIGH, null, NAS_01, null),
                purge("nas-01"),
                change(stored, Transition.ACKNOWLEDGE),
                trigger("disk:nas-01", Severity.LOW, null, NAS_01, null)));

    assertThat(results)
        .extracting(CommandResult::outcome)
        .containsExactly(
            Outcome.UPDATED, Outcome.CREATED, Outcome.PURGED, Outcome.REFUSED, Outcome.CREATED);
    assertThat(results.get(3).refusal()).isInstanceOf(NotFound.class);
    Alert reopened = results.get(4).alert();
    assertThat(store.all()).containsExactly(reopened);
    assertThat(store.history(reopened.id())).hasSize(1);
    assertThat(engine.active("disk:nas-01")).contains(reopened);
    assertThat(engine.active("cpu:nas-01")).isEmpty();
  }

  @Test
  void anIdHandedOutToAnAlertPurgedInTheSameBatch_isNeverHandedOutAgain() {
    engine.apply(
        List.of(trigger("disk:nas-01", Severity.HIGH, null, NAS_01, null), purge("nas-01")));

    assertThat(store.maxAlertId()).isEqualTo(1);
    try (AlertEngine restarted = AlertEngine.start(store, clock)) {
      assertThat(restarted.apply(trigger("disk:nas-02")).alert().id()).isEqualTo(2);
    }
  }

  @Test
  void aPurgeAfterTheSameBatchMovedAStoredAlertOntoTheSubject_isRefusedToBeRetried() {
    long moved = open("disk:nas-01", null);

    List<CommandResult> results =
        engine.apply(
            List.of(trigger("disk:nas-01", Severity.HIGH, null, NAS_01, null), purge("nas-01")));

    assertThat(results.get(1).refusal()).isInstanceOf(Unavailable.class);
    assertThat(engine.apply(purge("nas-01")).outcome()).isEqualTo(Outcome.PURGED);
    assertThat(store.findById(moved)).isEmpty();
  }

  @Test
  void purgingASubjectWithNoAlerts_changesNothingElse() {
    long other = open("disk:nas-02", NAS_02);

    assertThat(engine.apply(purge("nas-09")).outcome()).isEqualTo(Outcome.PURGED);
    assertThat(store.findById(other)).isPresent();
  }

  private long open(String fingerprint, Subject subject) {
    return engine.apply(trigger(fingerprint, Severity.HIGH, null, subject, null)).alert().id();
  }

  private static AlertCommand.Purge purge(String key) {
    return new AlertCommand.Purge("server", key, Actor.of(Commands.ACTOR));
  }
}
