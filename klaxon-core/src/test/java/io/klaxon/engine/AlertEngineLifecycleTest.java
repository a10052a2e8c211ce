package io.klaxon.engine;

import static io.klaxon.engine.Commands.automatic;
import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.note;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Transition;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Acknowledge, unacknowledge, resolve, dismiss, expire and notes, through the engine. */
class AlertEngineLifecycleTest {

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine;
  private Alert opened;

  @BeforeEach
  void openOneAlert() {
    engine = AlertEngine.start(store, clock);
    opened = engine.apply(trigger("fp")).alert();
    clock.advance(Duration.ofMinutes(3));
  }

  @Test
  void acknowledge_openAlert_recordsWhenAndWho() {
    CommandResult result =
        engine.apply(
            new AlertCommand.Change(
                AlertRef.id(opened.id()),
                Transition.ACKNOWLEDGE,
                Actor.of("bob"),
                "looking",
                false));

    assertThat(result.outcome()).isEqualTo(Outcome.ACKNOWLEDGED);
    Alert acknowledged = result.alert();
    assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(acknowledged.acknowledgedAt()).isEqualTo(clock.instant());
    assertThat(acknowledged.version()).isEqualTo(2);
    assertThat(engine.active("fp")).contains(acknowledged);
    HistoryEntry entry = store.history(opened.id()).getLast();
    assertThat(entry.action()).isEqualTo(HistoryAction.ACKNOWLEDGED);
    assertThat(entry.actor()).isEqualTo("bob");
    assertThat(entry.note()).isEqualTo("looking");
    assertThat(entry.fromStatus()).isEqualTo(AlertStatus.OPEN);
    assertThat(entry.toStatus()).isEqualTo(AlertStatus.ACKNOWLEDGED);
  }

  @Test
  void acknowledge_acknowledgedAlert_isUnchangedAndWritesNothing() {
    Alert acknowledged = engine.apply(change("fp", Transition.ACKNOWLEDGE)).alert();
    int commits = store.commits().size();
    clock.advance(Duration.ofMinutes(1));

    CommandResult again = engine.apply(change(opened.id(), Transition.ACKNOWLEDGE));

    assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(again.alert()).isEqualTo(acknowledged);
    assertThat(store.commits()).hasSize(commits);
    assertThat(store.findById(opened.id())).contains(acknowledged);
    assertThat(store.history(opened.id())).hasSize(2);
  }

  @Test
  void unacknowledge_acknowledgedAlert_reopensItAndClearsAcknowledgedAt() {
    engine.apply(change("fp", Transition.ACKNOWLEDGE));

    CommandResult result = engine.apply(change("fp", Transition.UNACKNOWLEDGE));

    assertThat(result.outcome()).isEqualTo(Outcome.UNACKNOWLEDGED);
    assertThat(result.alert().status()).isEqualTo(AlertStatus.OPEN);
    assertThat(result.alert().acknowledgedAt()).isNull();
    assertThat(result.alert().version()).isEqualTo(3);
  }

  @Test
  void unacknowledge_openAlert_isUnchanged() {
    CommandResult result = engine.apply(change("fp", Transition.UNACKNOWLEDGE));

    assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(result.alert()).isEqualTo(opened);
  }

  @Test
  void resolve_byHand_endsTheAlertAndFreesTheFingerprint() {
    CommandResult result = engine.apply(change("fp", Transition.RESOLVE));

    assertThat(result.outcome()).isEqualTo(Outcome.RESOLVED);
    Alert resolved = result.alert();
    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.resolvedAt()).isEqualTo(clock.instant());
    assertThat(resolved.autoResolved()).isFalse();
    assertThat(resolved.acknowledgedAt()).isNull();
    assertThat(engine.active("fp")).isEmpty();
    assertThat(engine.activeCount()).isZero();
    assertThat(store.loadActive()).isEmpty();
  }

  @Test
  void resolve_automatic_marksTheAlertAutoResolved() {
    Alert resolved = engine.apply(automatic("fp", Transition.RESOLVE)).alert();

    assertThat(resolved.autoResolved()).isTrue();
    assertThat(store.history(resolved.id()).getLast().actor()).isEqualTo("klaxon");
  }

  @Test
  void resolve_acknowledgedAlert_keepsWhenItWasAcknowledged() {
    Instant acknowledgedAt =
        engine.apply(change("fp", Transition.ACKNOWLEDGE)).alert().acknowledgedAt();
    clock.advance(Duration.ofMinutes(1));

    Alert resolved = engine.apply(change("fp", Transition.RESOLVE)).alert();

    assertThat(resolved.acknowledgedAt()).isEqualTo(acknowledgedAt);
    assertThat(resolved.resolvedAt()).isEqualTo(clock.instant()).isNotEqualTo(acknowledgedAt);
  }

  @Test
  void dismiss_endsTheAlertAsDismissed() {
    CommandResult result = engine.apply(change(opened.id(), Transition.DISMISS));

    assertThat(result.outcome()).isEqualTo(Outcome.DISMISSED);
    assertThat(result.alert().status()).isEqualTo(AlertStatus.DISMISSED);
    assertThat(result.alert().resolvedAt()).isEqualTo(clock.instant());
    assertThat(engine.active("fp")).isEmpty();
  }

  @Test
  void expire_automatic_endsTheAlertAsExpiredNotAutoResolved() {
    CommandResult result = engine.apply(automatic("fp", Transition.EXPIRE));

    assertThat(result.outcome()).isEqualTo(Outcome.EXPIRED);
    assertThat(result.alert().status()).isEqualTo(AlertStatus.EXPIRED);
    assertThat(result.alert().autoResolved()).isFalse();
    assertThat(result.alert().resolvedAt()).isEqualTo(clock.instant());
  }

  static Stream<Arguments> finalStatusesAndTransitions() {
    return Stream.of(Transition.RESOLVE, Transition.DISMISS, Transition.EXPIRE)
        .flatMap(
            ending -> Stream.of(Transition.values()).map(attempt -> Arguments.of(ending, attempt)));
  }

  @ParameterizedTest(name = "{0} then {1}")
  @MethodSource("finalStatusesAndTransitions")
  void transition_outOfFinalStatus_isRefusedNamingTheStatus(Transition ending, Transition attempt) {
    Alert ended = engine.apply(change("fp", ending)).alert();
    clock.advance(Duration.ofMinutes(1));

    CommandResult result = engine.apply(List.of(change(ended.id(), attempt))).getFirst();

    assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(result.alert()).isNull();
    assertThat(result.refusal())
        .isInstanceOfSatisfying(
            TransitionRefused.class,
            refused -> {
              assertThat(refused.alertId()).isEqualTo(ended.id());
              assertThat(refused.currentStatus()).isEqualTo(ended.status().word());
              assertThat(refused.transition()).isEqualTo(attempt.pastParticiple());
              assertThat(refused.getMessage()).contains(ended.status().word());
            });
    assertThat(store.findById(ended.id())).contains(ended);
  }

  @Test
  void transition_outOfFinalStatus_throwsWhenSentAlone() {
    engine.apply(change("fp", Transition.DISMISS));

    assertThatThrownBy(() -> engine.apply(change(opened.id(), Transition.ACKNOWLEDGE)))
        .isInstanceOf(TransitionRefused.class)
        .hasMessageContaining("dismissed");
  }

  @Test
  void change_byFingerprint_withoutActiveAlert_isUnchangedWithNoAlert() {
    engine.apply(change("fp", Transition.RESOLVE));
    int commits = store.commits().size();

    CommandResult byGoneFingerprint = engine.apply(change("fp", Transition.ACKNOWLEDGE));
    CommandResult byUnknownFingerprint = engine.apply(change("never-seen", Transition.RESOLVE));
    CommandResult noteByFingerprint = engine.apply(note(AlertRef.fingerprint("fp"), "hello"));

    assertThat(List.of(byGoneFingerprint, byUnknownFingerprint, noteByFingerprint))
        .allSatisfy(
            result -> {
              assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
              assertThat(result.alert()).isNull();
              assertThat(result.isRefused()).isFalse();
            });
    assertThat(store.commits()).hasSize(commits);
  }

  @Test
  void change_byUnknownId_isRefusedAsNotFound() {
    CommandResult result = engine.apply(List.of(change(42, Transition.RESOLVE))).getFirst();

    assertThat(result.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(result.refusal())
        .isInstanceOfSatisfying(
            NotFound.class,
            notFound -> {
              assertThat(notFound.kind()).isEqualTo("alert");
              assertThat(notFound.id()).isEqualTo("42");
            });
    assertThatThrownBy(() -> engine.apply(note(AlertRef.id(42), "hello")))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void note_onActiveAlert_bumpsVersionAndKeepsEverythingElse() {
    CommandResult result = engine.apply(note(AlertRef.fingerprint("fp"), "checked the disk"));

    assertThat(result.outcome()).isEqualTo(Outcome.NOTED);
    assertThat(result.alert().version()).isEqualTo(opened.version() + 1);
    assertThat(result.alert().status()).isEqualTo(AlertStatus.OPEN);
    HistoryEntry entry = store.history(opened.id()).getLast();
    assertThat(entry.action()).isEqualTo(HistoryAction.NOTED);
    assertThat(entry.note()).isEqualTo("checked the disk");
    assertThat(entry.changes()).isEmpty();
  }

  @Test
  void note_onFinalAlert_isAllowedAndBumpsVersion() {
    Alert resolved = engine.apply(change("fp", Transition.RESOLVE)).alert();
    clock.advance(Duration.ofHours(1));

    CommandResult result = engine.apply(note(AlertRef.id(resolved.id()), "root cause: backups"));

    assertThat(result.outcome()).isEqualTo(Outcome.NOTED);
    Alert noted = result.alert();
    assertThat(noted.version()).isEqualTo(resolved.version() + 1);
    assertThat(noted.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(noted.resolvedAt()).isEqualTo(resolved.resolvedAt());
    assertThat(store.findById(resolved.id())).contains(noted);
    assertThat(store.history(resolved.id()))
        .extracting(HistoryEntry::version)
        .containsExactly(1L, 2L, 3L);
    assertThat(engine.active("fp")).isEmpty();
  }
}
