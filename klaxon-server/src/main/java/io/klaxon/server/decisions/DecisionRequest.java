package io.klaxon.server.decisions;

import io.klaxon.detect.decisions.Decision;
import io.klaxon.problem.Unchecked;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One decision as a producer sends it; {@link Decision} does the checking. */
record DecisionRequest(
    @Nullable String decisionId,
    @Nullable String action,
    @Nullable String urgency,
    @Nullable String rule,
    @Nullable String symbol,
    @Nullable String strategyId,
    @Nullable String reason,
    @Nullable Map<String, Object> metadata,
    @Nullable Instant decidedAt) {

  Decision toDecision() {
    return Decision.of(
        decisionId,
        action,
        urgency,
        Unchecked.input(rule),
        symbol,
        strategyId,
        Unchecked.input(reason),
        metadata,
        Unchecked.input(decidedAt));
  }
}
