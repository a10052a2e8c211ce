package io.klaxon.engine;

import java.time.Duration;

/**
 * How the engine's write path batches, retries and materializes.
 *
 * @param queueCapacity most commands waiting to be committed; beyond it, submissions are refused
 *     with {@link io.klaxon.problem.Unavailable} (HTTP 503) rather than queued without bound
 * @param maxBatchCommands most commands committed in one transaction
 * @param retryFor how long a batch keeps retrying a store that is unavailable before its callers
 *     are told so
 * @param firstBackoff the first pause between retries; it doubles up to {@code maxBackoff}
 * @param materializeEvery how long pure re-triggers may stay in a partition's log before the
 *     materializer folds them into the alerts' rows (longer folds more re-triggers of one alert
 *     into one row update)
 * @param maxMaterializerLag past this age of the oldest unfolded log entry, submissions are refused
 *     with {@link io.klaxon.problem.Unavailable} (back-pressure) until the materializer catches up
 */
public record EngineSettings(
    int queueCapacity,
    int maxBatchCommands,
    Duration retryFor,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration materializeEvery,
    Duration maxMaterializerLag) {

  /** The default of {@code materializeEvery}. */
  public static final Duration MATERIALIZE_EVERY = Duration.ofMillis(250);

  /** The default of {@code maxMaterializerLag}. */
  public static final Duration MAX_MATERIALIZER_LAG = Duration.ofSeconds(5);

  public EngineSettings {
    if (queueCapacity < 1 || maxBatchCommands < 1) {
      throw new IllegalArgumentException("queue capacity and batch size must be positive");
    }
    if (retryFor.isNegative()
        || firstBackoff.isNegative()
        || maxBackoff.compareTo(firstBackoff) < 0) {
      throw new IllegalArgumentException("retry durations must be positive and ordered");
    }
    if (materializeEvery.isNegative() || maxMaterializerLag.compareTo(materializeEvery) <= 0) {
      throw new IllegalArgumentException(
          "the materializer's bound of lag must be longer than its interval, was "
              + maxMaterializerLag
              + " for an interval of "
              + materializeEvery);
    }
  }

  /** Settings with the materializer's defaults. */
  public EngineSettings(
      int queueCapacity,
      int maxBatchCommands,
      Duration retryFor,
      Duration firstBackoff,
      Duration maxBackoff) {
    this(
        queueCapacity,
        maxBatchCommands,
        retryFor,
        firstBackoff,
        maxBackoff,
        MATERIALIZE_EVERY,
        MAX_MATERIALIZER_LAG);
  }

  public static EngineSettings defaults() {
    return new EngineSettings(
        200_000, 20_000, Duration.ofSeconds(10), Duration.ofMillis(20), Duration.ofSeconds(1));
  }
}
