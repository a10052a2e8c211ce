package io.klaxon.engine;

import static io.klaxon.engine.Commands.change;
import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import io.klaxon.alert.Transition;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Suppression through the engine: marked on the alert and in its history, status untouched. */
class AlertEngineSuppressTest {

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine;
  private Alert opened;
  private Suppressor silence;

  @BeforeEach
  void openOneAlert() {
    engine = AlertEngine.start(store, clock);
    opened = engine.apply(trigger("fp")).alert();
    silence = new Suppressor(SuppressionKind.SILENCE, "uuid-1", clock.instant().plusSeconds(3600));
  }

  private CommandResult suppress(List<Suppressor> by) {
    return engine.apply(new AlertCommand.Suppress(opened.id(), by, Actor.of("klaxon")));
  }

  @Test
  void suppressing_marksTheAlert_keepsItsStatus_andWritesHistory() {
    CommandResult result = suppress(List.of(silence));

    assertThat(result.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(result.alert().suppressed()).isTrue();
    assertThat(result.alert().suppressedBy()).containsExactly(silence);
    assertThat(result.alert().status()).isEqualTo(AlertStatus.OPEN);
    assertThat(engine.active("fp")).contains(result.alert());
    HistoryEntry entry = store.history(opened.id()).getLast();
    assertThat(entry.action()).isEqualTo(HistoryAction.SUPPRESSED);
    assertThat(entry.toStatus()).isEqualTo(AlertStatus.OPEN);
    assertThat(entry.changes().getFirst().from()).isNull();
    assertThat(entry.changes().getFirst().to()).startsWith("silence:uuid-1 until ");
  }

  @Test
  void sameSuppression_changesNothing_andItsEnd_isRecorded() {
    suppress(List.of(silence));

    assertThat(suppress(List.of(silence)).outcome()).isEqualTo(Outcome.UNCHANGED);
    CommandResult ended = suppress(List.of());
    assertThat(ended.alert().suppressed()).isFalse();
    assertThat(store.history(opened.id()).getLast().action()).isEqualTo(HistoryAction.UNSUPPRESSED);
    assertThat(store.history(opened.id())).hasSize(3);
  }

  @Test
  void retrigger_keepsTheSuppression() {
    suppress(List.of(silence));
    clock.advance(Duration.ofSeconds(5));

    Alert retriggered = engine.apply(trigger("fp")).alert();

    assertThat(retriggered.occurrences()).isEqualTo(2);
    assertThat(retriggered.suppressedBy()).containsExactly(silence);
  }

  @Test
  void finalAlert_keepsWhatSuppressedItWhenItEnded_andIsNotChangedAfter() {
    suppress(List.of(silence));
    Alert resolved = engine.apply(change(opened.id(), Transition.RESOLVE)).alert();

    assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(resolved.suppressedBy()).containsExactly(silence);
    assertThat(suppress(List.of()).outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(store.findById(opened.id()).orElseThrow().suppressedBy()).containsExactly(silence);
  }
}
