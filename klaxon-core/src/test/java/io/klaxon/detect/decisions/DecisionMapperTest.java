package io.klaxon.detect.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.engine.AlertCommand;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Decisions to alert triggers: class and severity per seed 004, title, subject, attributes. */
class DecisionMapperTest {

  private static final Instant AT = Instant.parse("2026-01-05T15:30:00Z");

  static Stream<Arguments> everyAlertingCombination() {
    return Stream.of(
        Arguments.of(
            DecisionAction.CLOSE, Urgency.IMMEDIATE, AlertClass.CRITICAL, Severity.CRITICAL),
        Arguments.of(DecisionAction.CLOSE, Urgency.HIGH, AlertClass.WARNING, Severity.HIGH),
        // Not in the seed: our choice, documented on DecisionMapper.
        Arguments.of(DecisionAction.CLOSE, Urgency.NORMAL, AlertClass.WARNING, Severity.MEDIUM),
        Arguments.of(DecisionAction.CLOSE, Urgency.LOW, AlertClass.INFO, Severity.LOW),
        Arguments.of(DecisionAction.ROLL, Urgency.IMMEDIATE, AlertClass.INFO, Severity.MEDIUM),
        Arguments.of(DecisionAction.ROLL, Urgency.HIGH, AlertClass.INFO, Severity.MEDIUM),
        Arguments.of(DecisionAction.ROLL, Urgency.NORMAL, AlertClass.INFO, Severity.MEDIUM),
        Arguments.of(DecisionAction.ROLL, Urgency.LOW, AlertClass.INFO, Severity.MEDIUM));
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}, {3}")
  @MethodSource("everyAlertingCombination")
  void toTrigger_actionAndUrgency_giveClassAndSeverity(
      DecisionAction action, Urgency urgency, AlertClass alertClass, Severity severity) {
    AlertCommand.Trigger trigger = trigger(decision(action, urgency, "SPY", "IC", null));

    assertThat(trigger.severity()).isEqualTo(severity);
    assertThat(trigger.attributes())
        .containsEntry("class", alertClass.word())
        .containsEntry("action", action.word())
        .containsEntry("urgency", urgency.word());
  }

  @ParameterizedTest
  @EnumSource(Urgency.class)
  void toTrigger_hold_raisesNoAlert(Urgency urgency) {
    Decision hold = decision(DecisionAction.HOLD, urgency, "SPY", "IC", null);

    assertThat(DecisionMapper.toTrigger(hold)).isEmpty();
    assertThat(DecisionMapper.classOf(hold)).isEmpty();
  }

  @Test
  void toTrigger_closeOnAStrategy_readsAsTheSeedsExample() {
    Decision decision =
        new Decision(
            null,
            DecisionAction.CLOSE,
            Urgency.HIGH,
            "take_profit",
            "SPY",
            "IC",
            "Profit at 52% of max credit",
            Map.of("pnl", 0.52, "dte", 21),
            AT);

    AlertCommand.Trigger trigger = trigger(decision);

    assertThat(trigger.title()).isEqualTo("Take Profit triggered on SPY IC");
    assertThat(trigger.message()).isEqualTo("Profit at 52% of max credit");
    assertThat(trigger.source()).isEqualTo("decisions");
    assertThat(trigger.type()).isEqualTo("take_profit");
    assertThat(trigger.subject()).isEqualTo(Subject.of("strategy", "IC", "SPY IC"));
    assertThat(trigger.occurredAt()).isEqualTo(AT);
    assertThat(trigger.fingerprint()).isEqualTo("decisions|strategy/IC|take_profit");
    assertThat(trigger.attributes())
        .containsOnlyKeys("action", "urgency", "class", "rule", "symbol", "strategyId", "metadata")
        .containsEntry("rule", "take_profit")
        .containsEntry("symbol", "SPY")
        .containsEntry("strategyId", "IC")
        .containsEntry("metadata", Map.of("pnl", 0.52, "dte", 21));
  }

  @Test
  void toTrigger_decisionId_isTheFingerprint() {
    AlertCommand.Trigger trigger =
        trigger(decision(DecisionAction.ROLL, Urgency.NORMAL, "SPY", "IC", "dec-42"));

    assertThat(trigger.fingerprint()).isEqualTo("dec-42");
  }

  @Test
  void toTrigger_symbolOnly_isAboutTheSymbol() {
    AlertCommand.Trigger trigger =
        trigger(decision(DecisionAction.CLOSE, Urgency.IMMEDIATE, "QQQ", null, null));

    assertThat(trigger.subject()).isEqualTo(Subject.of("symbol", "QQQ", null));
    assertThat(trigger.title()).endsWith("triggered on QQQ");
    assertThat(trigger.attributes()).doesNotContainKey("strategyId");
  }

  @Test
  void toTrigger_noPosition_hasNoSubjectAndAShortTitle() {
    AlertCommand.Trigger trigger =
        trigger(decision(DecisionAction.CLOSE, Urgency.IMMEDIATE, null, null, null));

    assertThat(trigger.subject()).isNull();
    assertThat(trigger.title()).isEqualTo("Stop Loss triggered");
    assertThat(trigger.attributes()).doesNotContainKeys("symbol", "strategyId");
  }

  @ParameterizedTest
  @CsvSource({
    "take_profit, SPY, IC, Take Profit triggered on SPY IC",
    "takeProfit, SPY, IC, Take Profit triggered on SPY IC",
    "delta-risk, SPY, 123, Delta Risk triggered on SPY strategy 123",
    "DTE_roll, , 123, DTE Roll triggered on strategy 123",
    "catastrophe protection, QQQ, , Catastrophe Protection triggered on QQQ",
  })
  void title_ruleAndPosition_readAsWords(
      String rule, @Nullable String symbol, @Nullable String strategyId, String title) {
    Decision decision =
        new Decision(
            null, DecisionAction.CLOSE, Urgency.HIGH, rule, symbol, strategyId, "r", Map.of(), AT);

    assertThat(trigger(decision).title()).isEqualTo(title);
  }

  private static AlertCommand.Trigger trigger(Decision decision) {
    return DecisionMapper.toTrigger(decision).orElseThrow();
  }

  private static Decision decision(
      DecisionAction action,
      Urgency urgency,
      @Nullable String symbol,
      @Nullable String strategyId,
      @Nullable String decisionId) {
    return new Decision(
        decisionId, action, urgency, "stop_loss", symbol, strategyId, "because", Map.of(), AT);
  }
}
