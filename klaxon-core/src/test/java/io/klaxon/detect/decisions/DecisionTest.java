package io.klaxon.detect.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A decision checks its fields as it is made and reads its enums in any case. */
class DecisionTest {

  private static final Instant AT = Instant.parse("2026-01-05T15:30:00Z");

  @ParameterizedTest
  @ValueSource(strings = {"close", "CLOSE", "Close", " close "})
  void of_actionInAnyCase_isRead(String word) {
    Decision decision = Decision.of(null, word, "high", "take_profit", "SPY", null, "r", null, AT);

    assertThat(decision.action()).isEqualTo(DecisionAction.CLOSE);
    assertThat(decision.urgency()).isEqualTo(Urgency.HIGH);
    assertThat(decision.metadata()).isEmpty();
  }

  @Test
  void of_everyBadField_isNamedTogether_wordsAndOthers() {
    assertThatThrownBy(() -> Decision.of(null, "sell", "soon", " ", null, null, null, null, null))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("action", "urgency", "rule", "reason", "decidedAt"));
  }

  @Test
  void of_unknownAction_isRefusedNamingTheFieldAndTheChoices() {
    assertThatThrownBy(() -> Decision.of(null, "sell", "high", "r", null, null, "r", null, AT))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .containsExactly(
                        new FieldError(
                            "action", "unknown action 'sell': use one of close, roll, hold")));
  }

  @Test
  void of_missingUrgency_isRefusedNamingTheField() {
    assertThatThrownBy(() -> Decision.of(null, "roll", null, "r", null, null, "r", null, AT))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("urgency"));
  }

  @Test
  void new_everyFaultAtOnce_isRefusedWithOneErrorPerField() {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("delta", null);

    assertThatThrownBy(
            () -> new Decision(" ", null, null, "", "x".repeat(101), "", " ", metadata, null))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "decisionId",
                        "action",
                        "urgency",
                        "rule",
                        "symbol",
                        "strategyId",
                        "reason",
                        "decidedAt",
                        "metadata.delta"));
  }

  @Test
  void new_metadata_isCopied() {
    Map<String, Object> metadata = new HashMap<>(Map.of("pnl", 0.52));
    Decision decision =
        new Decision(
            null,
            DecisionAction.CLOSE,
            Urgency.HIGH,
            "take_profit",
            "SPY",
            "IC",
            "r",
            metadata,
            AT);

    metadata.put("later", true);

    assertThat(decision.metadata()).containsOnlyKeys("pnl");
  }
}
