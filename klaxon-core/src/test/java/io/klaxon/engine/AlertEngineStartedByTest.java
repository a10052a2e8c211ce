package io.klaxon.engine;

import static io.klaxon.engine.Commands.trigger;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A change that applies only if the alert started by a given time, judged by the engine when it
 * applies the change, after every command before it: a resolve of an earlier firing must not close
 * a newer one.
 */
class AlertEngineStartedByTest {

  private static final String STARTS_AT = "startsAt";

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private AlertEngine engine;

  @BeforeEach
  void start() {
    engine = AlertEngine.start(store, clock);
  }

  @Test
  void resolvesTheAlert_whenItStartedAtOrBeforeTheTime() {
    Instant startsAt = clock.instant().minus(Duration.ofMinutes(10));
    Alert open = engine.apply(startedAt("fp", startsAt)).alert();

    CommandResult atItsStart = engine.apply(resolveIfStartedBy("fp", startsAt, STARTS_AT));

    assertThat(atItsStart.outcome()).isEqualTo(Outcome.RESOLVED);
    assertThat(atItsStart.alert().id()).isEqualTo(open.id());
    assertThat(atItsStart.alert().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(store.findById(open.id()).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
  }

  @Test
  void leavesANewerFiringOpen_andWritesNothing() {
    Instant startsAt = clock.instant().minus(Duration.ofMinutes(10));
    Alert open = engine.apply(startedAt("fp", startsAt)).alert();
    int commits = store.commits().size();

    CommandResult late = engine.apply(resolveIfStartedBy("fp", startsAt.minusMillis(1), STARTS_AT));

    assertThat(late.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(late.isRefused()).isFalse();
    assertThat(late.alert()).isEqualTo(open);
    assertThat(engine.active("fp")).contains(open);
    assertThat(store.commits()).hasSize(commits);
    assertThat(store.history(open.id())).hasSize(1);
  }

  @Test
  void withNothingActive_doesNothing_andSaysSo() {
    CommandResult none = engine.apply(resolveIfStartedBy("fp", clock.instant(), STARTS_AT));

    assertThat(none.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(none.alert()).isNull();
    assertThat(none.isRefused()).isFalse();
    assertThat(store.commits()).isEmpty();
  }

  @Test
  void judgesTheAlertAsEarlierCommandsOfTheSameBatchLeftIt() {
    Instant oldStart = clock.instant().minus(Duration.ofMinutes(30));
    Instant endedAt = clock.instant().minus(Duration.ofMinutes(20));
    Instant newStart = clock.instant().minus(Duration.ofMinutes(5));
    Alert old = engine.apply(startedAt("fp", oldStart)).alert();

    // The old firing's resolve, a new firing, and the old resolve sent again, in one go.
    List<CommandResult> results =
        engine.apply(
            List.of(
                resolveIfStartedBy("fp", endedAt, STARTS_AT),
                startedAt("fp", newStart),
                resolveIfStartedBy("fp", endedAt, STARTS_AT)));

    assertThat(results)
        .extracting(CommandResult::outcome)
        .containsExactly(Outcome.RESOLVED, Outcome.CREATED, Outcome.UNCHANGED);
    Alert newer = engine.active("fp").orElseThrow();
    assertThat(newer.id()).isNotEqualTo(old.id());
    assertThat(newer.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(store.findById(old.id()).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
  }

  @Test
  void withoutTheAttribute_judgesByWhenTheEngineDetectedTheAlert() {
    Alert open = engine.apply(trigger("fp")).alert(); // detected now, no attributes

    assertThat(
            engine
                .apply(resolveIfStartedBy("fp", open.detectedAt().minusSeconds(1), STARTS_AT))
                .outcome())
        .isEqualTo(Outcome.UNCHANGED);
    assertThat(engine.apply(resolveIfStartedBy("fp", open.detectedAt(), null)).outcome())
        .isEqualTo(Outcome.RESOLVED);
  }

  /** A trigger whose start, as its producer tells it, is kept in the attribute startsAt. */
  private static AlertCommand.Trigger startedAt(String fingerprint, Instant startsAt) {
    return new AlertCommand.Trigger(
        fingerprint,
        "prometheus",
        "DiskFull",
        Severity.HIGH,
        "Disk full",
        null,
        null,
        null,
        null,
        null,
        Map.of(STARTS_AT, startsAt.toString()),
        null,
        null,
        Actor.of("prometheus"));
  }

  private static AlertCommand.Change resolveIfStartedBy(
      String fingerprint, Instant at, @Nullable String attribute) {
    return new AlertCommand.Change(
        AlertRef.fingerprint(fingerprint),
        Transition.RESOLVE,
        Actor.of("prometheus"),
        null,
        true,
        new StartedBy(at, attribute));
  }
}
