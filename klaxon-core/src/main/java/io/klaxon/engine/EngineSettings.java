package io.klaxon.engine;

import java.time.Duration;

/**
 * How the engine's write path batches and retries.
 *
 * @param queueCapacity most commands waiting to be committed; beyond it, submissions are refused
 *     with {@link io.klaxon.problem.Unavailable} (HTTP 503) rather than queued without bound
 * @param maxBatchCommands most commands committed in one transaction
 * @param retryFor how long a batch keeps retrying a store that is unavailable before its callers
 *     are told so
 * @param firstBackoff the first pause between retries; it doubles up to {@code maxBackoff}
 */
public record EngineSettings(
    int queueCapacity,
    int maxBatchCommands,
    Duration retryFor,
    Duration firstBackoff,
    Duration maxBackoff) {

  public EngineSettings {
    if (queueCapacity < 1 || maxBatchCommands < 1) {
      throw new IllegalArgumentException("queue capacity and batch size must be positive");
    }
    if (retryFor.isNegative()
        || firstBackoff.isNegative()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("retry durations must be positive and ordered");
    }
  }

  public static EngineSettings defaults() {
    return new EngineSettings(
        200_000, 20_000, Duration.ofSeconds(10), Duration.ofMillis(20), Duration.ofSeconds(1));
  }
}
