package io.klaxon.engine;

import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deletes (retention): one final alert goes with its history; active alerts are refused. */
class AlertEngineDeleteTest {

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private final AlertEngine engine = AlertEngine.start(store, clock);

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void delete_removesAFinalAlertAndItsHistory_andLeavesOthersAlone() {
    long resolved = open("disk:nas-01");
    engine.apply(change(resolved, Transition.RESOLVE));
    long other = open("disk:nas-02");

    CommandResult result = engine.apply(delete(resolved));

    assertThat(result.outcome()).isEqualTo(Outcome.DELETED);
    assertThat(store.findById(resolved)).isEmpty();
    assertThat(store.history(resolved)).isEmpty();
    assertThat(store.findById(other)).isPresent();
    assertThat(store.commits().getLast().deleted()).containsExactly(resolved);
  }

  @Test
  void deletingAnActiveAlert_isRefusedWithItsStatus_andKeepsIt() {
    long open = open("disk:nas-01");
    engine.apply(change(open, Transition.ACKNOWLEDGE));

    assertThatThrownBy(() -> engine.apply(delete(open)))
        .isInstanceOfSatisfying(
            TransitionRefused.class,
            refused -> assertThat(refused.currentStatus()).isEqualTo("acknowledged"));
    assertThat(store.findById(open)).isPresent();
    assertThat(engine.active("disk:nas-01")).isPresent();
  }

  @Test
  void deletingAnUnknownAlert_isNotFound() {
    assertThatThrownBy(() -> engine.apply(delete(42))).isInstanceOf(NotFound.class);
  }

  @Test
  void inOneBatch_theChangeThatMadeItFinalAndANoteGoWithIt_andLaterCommandsFindNothing() {
    long stored = open("disk:nas-01");

    List<CommandResult> results =
        engine.apply(
            List.of(
                change(stored, Transition.DISMISS),
                new AlertCommand.Note(AlertRef.id(stored), "done", Actor.of("alice")),
                delete(stored),
                change(stored, Transition.RESOLVE),
                delete(stored)));

    assertThat(results)
        .extracting(CommandResult::outcome)
        .containsExactly(
            Outcome.DISMISSED, Outcome.NOTED, Outcome.DELETED, Outcome.REFUSED, Outcome.REFUSED);
    assertThat(results.get(3).refusal()).isInstanceOf(NotFound.class);
    assertThat(results.get(4).refusal()).isInstanceOf(NotFound.class);
    assertThat(store.all()).isEmpty();
    assertThat(store.commits().getLast().updated()).isEmpty();
    assertThat(store.commits().getLast().history()).isEmpty();
    assertThat(engine.active("disk:nas-01")).isEmpty();
    assertThat(engine.activeCount()).isZero();
    assertThat(engine.apply(trigger("disk:nas-01")).outcome()).isEqualTo(Outcome.CREATED);
  }

  @Test
  void anAlertCreatedResolvedAndDeletedInOneBatch_neverReachesTheStore_andItsIdIsSpent() {
    List<CommandResult> results =
        engine.apply(
            List.of(
                trigger("disk:nas-01"),
                change(1, Transition.RESOLVE),
                delete(1),
                trigger("disk:nas-01")));

    Alert reopened = results.get(3).alert();
    assertThat(reopened.id()).isEqualTo(2);
    assertThat(store.all()).containsExactly(reopened);
    assertThat(store.commits().getLast().deleted()).isEmpty();
    assertThat(store.maxAlertId()).isEqualTo(2);
  }

  @Test
  void afterDeletingTheLastFinalAlertOfAFingerprint_aTriggerOpensANewOne() {
    long first = open("disk:nas-01");
    engine.apply(change(first, Transition.EXPIRE));
    engine.apply(delete(first));

    Alert again = engine.apply(trigger("disk:nas-01", Severity.HIGH, null, null, null)).alert();

    assertThat(again.id()).isGreaterThan(first);
    assertThat(again.status()).isEqualTo(AlertStatus.OPEN);
  }

  @Test
  void theStoreFindsFinalAlertsByTheTimeTheyBecameFinal() {
    long early = open("disk:nas-01");
    long late = open("disk:nas-02");
    long active = open("disk:nas-03");
    engine.apply(change(early, Transition.RESOLVE));
    clock.advance(Duration.ofHours(1));
    engine.apply(change(late, Transition.RESOLVE));

    assertThat(store.finalAlertsBefore(clock.instant(), 10)).containsExactly(early);
    assertThat(store.finalAlertsBefore(clock.instant().plusSeconds(1), 10))
        .containsExactlyInAnyOrder(early, late)
        .doesNotContain(active);
    assertThat(store.finalAlertsBefore(clock.instant().plusSeconds(1), 1)).hasSize(1);
  }

  private long open(String fingerprint) {
    return engine.apply(trigger(fingerprint)).alert().id();
  }

  private static AlertCommand.Delete delete(long id) {
    return new AlertCommand.Delete(id, Actor.of("klaxon"));
  }
}
