package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Alerts whose subject's deadline has passed (a match kicked off) expire through the engine. */
class AlertEngineExpiryTest {

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private final AlertEngine engine = AlertEngine.start(store, clock);

  @AfterEach
  void close() {
    engine.close();
  }

  private long trigger(String fingerprint, Instant expiresAt) {
    return engine
        .apply(
            new AlertCommand.Trigger(
                fingerprint,
                "odds",
                "price_change",
                Severity.HIGH,
                "moved",
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                expiresAt,
                Actor.of("odds")))
        .alert()
        .id();
  }

  @Test
  void onlyActiveAlertsPastTheirDeadlineExpireAndAcknowledgingThemAfterwardsIsRefused() {
    Instant kickoff = clock.instant().plus(Duration.ofHours(1));
    long due = trigger("due", kickoff);
    long later = trigger("later", kickoff.plus(Duration.ofHours(2)));
    long resolved = trigger("resolved", kickoff);
    engine.apply(
        AlertCommand.Change.of(
            AlertRef.id(resolved), io.klaxon.alert.Transition.RESOLVE, Actor.of("alice")));

    assertThat(engine.expireDue(kickoff.minusSeconds(1), Actor.of("klaxon"))).isZero();
    assertThat(engine.expireDue(kickoff, Actor.of("klaxon"))).isEqualTo(1);

    assertThat(store.findById(due).orElseThrow().status()).isEqualTo(AlertStatus.EXPIRED);
    assertThat(store.findById(later).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);
    assertThat(store.findById(resolved).orElseThrow().status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(store.history(due).getLast().actor()).isEqualTo("klaxon");
    var refused =
        engine.apply(
            java.util.List.of(
                AlertCommand.Change.of(
                    AlertRef.id(due), io.klaxon.alert.Transition.ACKNOWLEDGE, Actor.of("bob"))));
    assertThat(refused.getFirst().outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(engine.expireDue(kickoff.plus(Duration.ofDays(1)), Actor.of("klaxon"))).isEqualTo(1);
  }
}
