package io.klaxon.server.decisions;

import io.klaxon.detect.decisions.Decision;
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
        decisionId, action, urgency, rule, symbol, strategyId, reason, metadata, decidedAt);
  }
}
