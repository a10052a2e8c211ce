package io.klaxon.detect.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metric rules as pure functions, driven by explicit sample sequences: one sample a minute,
 * with the defaults (cpu high 85 %, critical 95 %, 3 in a row; disk high 80 %, 1; resolve after 2
 * under high; cool-down 15 min).
 */
class MetricRulesTest {

  static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
  static final AlertAction NOTHING = null;

  private HostSettings settings = HostSettings.defaults();
  private AlertState state = AlertState.initial(StateKey.metric("nas-01", Metric.CPU));
  private Instant now = T0;

  @Test
  void cpuAlert_opensOnTheThirdBreachInARow_atTheLevelOfThatSample() {
    assertThat(samples(90, 91, 92))
        .containsExactly(NOTHING, NOTHING, new AlertAction.Open(Severity.HIGH, 92.0, 85.0));
    assertThat(state.consecutiveBreaches()).isEqualTo(3);
    assertThat(state.firstBreachAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(state.alertSeverity()).isEqualTo(Severity.HIGH);
    assertThat(state.lastAlertAt()).isEqualTo(now);
  }

  @Test
  void aSampleUnderHigh_startsTheCountAgain() {
    assertThat(samples(90, 91, 50, 90, 91)).containsOnlyNulls();
    assertThat(state.consecutiveBreaches()).isEqualTo(2);
    assertThat(samples(92)).containsExactly(new AlertAction.Open(Severity.HIGH, 92.0, 85.0));
  }

  @Test
  void theHighLevelItselfIsABreach_justUnderIsNot() {
    assertThat(samples(85, 84.99, 85, 85, 85))
        .containsExactly(
            NOTHING, NOTHING, NOTHING, NOTHING, new AlertAction.Open(Severity.HIGH, 85.0, 85.0));
  }

  @Test
  void diskAlert_opensOnTheFirstBreach() {
    state = AlertState.initial(StateKey.metric("nas-01", Metric.DISK));

    assertThat(samples(70, 81))
        .containsExactly(NOTHING, new AlertAction.Open(Severity.HIGH, 81.0, 80.0));
  }

  @Test
  void anAlertOpeningOnACriticalSample_isCritical() {
    assertThat(samples(90, 91, 97))
        .containsExactly(NOTHING, NOTHING, new AlertAction.Open(Severity.CRITICAL, 97.0, 95.0));
  }

  @Test
  void aRiseToCritical_escalatesTheOpenAlertOnce_andAFallBackDoesNotLowerIt() {
    samples(90, 91, 92);

    assertThat(samples(96, 99, 90, 97))
        .containsExactly(
            new AlertAction.Escalate(Severity.CRITICAL, 96.0, 95.0), NOTHING, NOTHING, NOTHING);
    assertThat(state.alertSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(state.level()).isEqualTo(Level.CRITICAL);
  }

  @Test
  void twoSamplesInARowUnderHigh_resolveTheAlert() {
    samples(90, 91, 92);

    assertThat(samples(50, 40))
        .containsExactly(NOTHING, new AlertAction.Resolve("under 85 % for 2 samples in a row"));
    assertThat(state.alerting()).isFalse();
    assertThat(state.activeAlertId()).isNull();
    assertThat(state.lastResolvedAt()).isEqualTo(now);
    assertThat(state.consecutiveBreaches()).isZero();
  }

  @Test
  void aBreachBetweenClears_startsTheClearCountAgain() {
    samples(90, 91, 92);

    assertThat(samples(50, 90, 50)).containsOnlyNulls();
    assertThat(state.alerting()).isTrue();
    assertThat(samples(50))
        .containsExactly(new AlertAction.Resolve("under 85 % for 2 samples in a row"));
  }

  @Test
  void duringTheCoolDown_breachesAreCounted_butNoAlertOpens() {
    samples(90, 91, 92, 50, 40); // opened, then resolved at T0 + 5 min

    assertThat(samples(90, 91, 92, 93, 94)).containsOnlyNulls();
    assertThat(state.consecutiveBreaches()).isEqualTo(5);
    assertThat(state.alerting()).isFalse();
  }

  @Test
  void whenTheCoolDownEnds_theNextBreachOpensTheAlert_withoutCountingAgain() {
    samples(90, 91, 92, 50, 40);
    Instant resolved = now;
    samples(90, 91, 92);
    now = resolved.plus(Duration.ofMinutes(15)).minusSeconds(60); // the next sample is at the end

    assertThat(samples(93)).containsExactly(new AlertAction.Open(Severity.HIGH, 93.0, 85.0));
  }

  @Test
  void aBreachThatEndedDuringTheCoolDown_opensNothingAfterIt() {
    samples(90, 91, 92, 50, 40);
    samples(90, 91, 92, 50);
    now = now.plus(Duration.ofMinutes(20));

    assertThat(samples(90, 91)).containsOnlyNulls();
  }

  @Test
  void tick_opensTheAlertHeldBackByTheCoolDown_whenItEnds() {
    samples(90, 91, 92, 50, 40);
    Instant resolved = now;
    samples(90, 91, 92);
    now = resolved.plus(Duration.ofMinutes(14)).minusSeconds(60);
    samples(97); // the last sample, a minute before the cool-down ends

    assertThat(tick(resolved.plus(Duration.ofMinutes(15)).minusSeconds(1))).isNull();
    assertThat(tick(resolved.plus(Duration.ofMinutes(15))))
        .isEqualTo(new AlertAction.Open(Severity.CRITICAL, 97.0, 95.0));
    assertThat(state.alertSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(tick(resolved.plus(Duration.ofMinutes(16)))).isNull();
  }

  @Test
  void tick_opensNothing_whenTheLastBreachIsOlderThanTheOfflineTime() {
    samples(90, 91, 92, 50, 40);
    samples(90, 91, 92);
    Instant lastSample = now;

    assertThat(tick(lastSample.plus(settings.offlineAfter()).plusSeconds(1))).isNull();
  }

  @Test
  void tick_opensNothing_withoutEnoughBreaches() {
    samples(90, 91);

    assertThat(tick(now.plus(Duration.ofHours(1)))).isNull();
  }

  @Test
  void thresholdsComeFromTheSettings() {
    settings =
        new HostSettings(
            new HostSettings.Thresholds(50, 60, 1),
            settings.memory(),
            settings.disk(),
            1,
            0,
            180,
            30,
            true);

    assertThat(samples(49, 55, 61, 10))
        .containsExactly(
            NOTHING,
            new AlertAction.Open(Severity.HIGH, 55.0, 50.0),
            new AlertAction.Escalate(Severity.CRITICAL, 61.0, 60.0),
            new AlertAction.Resolve("under 50 % for 1 sample"));
    assertThat(samples(55)).containsExactly(new AlertAction.Open(Severity.HIGH, 55.0, 50.0));
  }

  /** One sample a minute after the last; each gives its action, or null for none. */
  private List<AlertAction> samples(double... values) {
    List<AlertAction> actions = new ArrayList<>();
    for (double value : values) {
      now = now.plusSeconds(60);
      Decision decision = MetricRules.onSample(state, value, now, settings, now);
      assertThat(decision.actions()).hasSizeLessThanOrEqualTo(1);
      state = decision.state();
      actions.add(decision.actions().isEmpty() ? null : decision.actions().getFirst());
    }
    return actions;
  }

  private AlertAction tick(Instant at) {
    Decision decision = MetricRules.onTick(state, settings, at);
    state = decision.state();
    return decision.actions().isEmpty() ? null : decision.actions().getFirst();
  }
}
