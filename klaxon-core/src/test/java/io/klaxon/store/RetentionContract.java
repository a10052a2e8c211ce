package io.klaxon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import io.klaxon.problem.TransitionRefused;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retention: final alerts found by when they became final, deleted with their history. */
public interface RetentionContract extends AlertStoreFixture {

  Subject EVENT = Subject.of("event", "1001", "Arsenal v Chelsea");

  @Test
  default void finalAlertsAreFoundByTheTimeTheyBecameFinal_oldestFirst_upToTheLimit() {
    long expired;
    long dismissed;
    long resolvedLater;
    long active;
    try (AlertEngine engine = engine()) {
      expired = open(engine, "fp-1");
      dismissed = open(engine, "fp-2");
      resolvedLater = open(engine, "fp-3");
      active = open(engine, "fp-4");
      engine.apply(
          AlertCommand.Change.of(AlertRef.id(dismissed), Transition.DISMISS, Actor.of("ops")));
      clock().advance(Duration.ofMinutes(1));
      engine.apply(
          AlertCommand.Change.of(AlertRef.id(expired), Transition.EXPIRE, Actor.of("klaxon")));
      clock().advance(Duration.ofDays(2));
      engine.apply(
          AlertCommand.Change.of(AlertRef.id(resolvedLater), Transition.RESOLVE, Actor.of("ops")));
    }

    assertThat(store().finalAlertsBefore(clock().instant(), 10))
        .containsExactly(dismissed, expired);
    assertThat(store().finalAlertsBefore(clock().instant().plusNanos(1_000), 10))
        .containsExactly(dismissed, expired, resolvedLater)
        .doesNotContain(active);
    assertThat(store().finalAlertsBefore(clock().instant(), 1)).containsExactly(dismissed);
  }

  @Test
  default void deletedAlertsGoWithTheirHistory_inOneCommit_andTheRestStays() {
    List<Long> finals = new ArrayList<>();
    long kept;
    try (AlertEngine engine = engine()) {
      for (int i = 0; i < 5; i++) {
        long id = open(engine, "fp-" + i);
        engine.apply(new AlertCommand.Note(AlertRef.id(id), "seen", Actor.of("ops")));
        engine.apply(AlertCommand.Change.of(AlertRef.id(id), Transition.RESOLVE, Actor.of("ops")));
        finals.add(id);
      }
      kept = open(engine, "fp-kept");
      List<AlertCommand> deletes =
          finals.stream()
              .<AlertCommand>map(id -> new AlertCommand.Delete(id, Actor.of("klaxon")))
              .toList();

      List<CommandResult> results = engine.apply(deletes);

      assertThat(results).extracting(CommandResult::outcome).containsOnly(Outcome.DELETED);
    }
    for (long id : finals) {
      assertThat(store().findById(id)).isEmpty();
      assertThat(store().history(id)).isEmpty();
    }
    assertThat(store().findById(kept)).isPresent();
    assertThat(store().history(kept)).hasSize(1);
    assertThat(store().findSubject(EVENT.type(), EVENT.key())).isPresent();
    assertThat(store().maxAlertId()).isEqualTo(kept);
  }

  @Test
  default void anActiveAlertIsNotDeleted_andAnAlertMadeFinalAndDeletedInOneBatchIsGone() {
    try (AlertEngine engine = engine()) {
      long active = open(engine, "fp-a");
      long other = open(engine, "fp-b");

      assertThatThrownBy(() -> engine.apply(new AlertCommand.Delete(active, Actor.of("klaxon"))))
          .isInstanceOf(TransitionRefused.class);
      List<CommandResult> results =
          engine.apply(
              List.of(
                  AlertCommand.Change.of(AlertRef.id(other), Transition.DISMISS, Actor.of("ops")),
                  new AlertCommand.Delete(other, Actor.of("klaxon"))));

      assertThat(results)
          .extracting(CommandResult::outcome)
          .containsExactly(Outcome.DISMISSED, Outcome.DELETED);
      assertThat(stored(active).status()).isEqualTo(AlertStatus.OPEN);
      assertThat(store().findById(other)).isEmpty();
      assertThat(store().history(other)).isEmpty();
      assertThat(engine.apply(AlertStoreFixture.trigger("fp-b", EVENT)).outcome())
          .isEqualTo(Outcome.CREATED);
    }
  }

  private static long open(AlertEngine engine, String fingerprint) {
    return engine.apply(AlertStoreFixture.trigger(fingerprint, EVENT)).alertOrThrow().id();
  }
}
