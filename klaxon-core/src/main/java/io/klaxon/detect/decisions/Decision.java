package io.klaxon.detect.decisions;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A decision engine's verdict on a position, as it arrives from the producer; {@link
 * DecisionMapper} turns it into an alert trigger.
 *
 * @param decisionId the producer's id of the decision; when given it is the alert's fingerprint, so
 *     sending the same decision twice re-triggers one alert
 * @param rule the rule that decided, as a key ({@code take_profit}); it becomes the alert's type
 * @param symbol the underlying ({@code SPY}), if the decision is about one
 * @param strategyId the position's strategy ({@code IC}, {@code 123}), if any
 * @param reason why, in words; it becomes the alert's message
 * @param metadata rule-specific facts as JSON-like values (strings, numbers, booleans, lists,
 *     maps); kept in the alert's attributes
 * @param decidedAt when the decision was made; it becomes the alert's detection time
 */
public record Decision(
    @Nullable String decisionId,
    DecisionAction action,
    Urgency urgency,
    String rule,
    @Nullable String symbol,
    @Nullable String strategyId,
    String reason,
    Map<String, Object> metadata,
    Instant decidedAt) {

  /** Longest decision id accepted: it is used as a fingerprint. */
  public static final int MAX_ID = 255;

  /** Longest rule, symbol and strategy id accepted, so that a title built from them stays short. */
  public static final int MAX_NAME = 100;

  /** Longest reason accepted, the length of an alert's message. */
  public static final int MAX_REASON = 10_000;

  /**
   * Checks every field and reports every fault at once.
   *
   * @throws InvalidInput naming each missing, blank, too long or null-valued field
   */
  public Decision {
    // Nulls are checked although the types say none: producers reach here from unchecked code
    // (JSON, other languages), and they deserve a field error rather than a NullPointerException.
    List<FieldError> errors = new ArrayList<>();
    optional(errors, "decisionId", decisionId, MAX_ID);
    if (action == null) {
      errors.add(new FieldError("action", "is required: one of close, roll, hold"));
    }
    if (urgency == null) {
      errors.add(new FieldError("urgency", "is required: one of immediate, high, normal, low"));
    }
    required(errors, "rule", rule, MAX_NAME);
    optional(errors, "symbol", symbol, MAX_NAME);
    optional(errors, "strategyId", strategyId, MAX_NAME);
    required(errors, "reason", reason, MAX_REASON);
    if (decidedAt == null) {
      errors.add(new FieldError("decidedAt", "is required"));
    }
    Map<String, Object> checked = new HashMap<>();
    if (metadata != null) {
      metadata.forEach(
          (key, value) -> {
            if (value == null) {
              errors.add(
                  new FieldError("metadata." + key, "must not be null: leave it out instead"));
            } else {
              checked.put(key, value);
            }
          });
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    metadata = Map.copyOf(checked);
  }

  /**
   * Reads a decision whose action and urgency are words, as a producer sends them (any case).
   *
   * @throws InvalidInput naming every faulty field together ({@link InvalidInput#errors()}): an
   *     unknown or missing {@code action} or {@code urgency} word as well as every other fault
   */
  public static Decision of(
      @Nullable String decisionId,
      @Nullable String action,
      @Nullable String urgency,
      String rule,
      @Nullable String symbol,
      @Nullable String strategyId,
      String reason,
      @Nullable Map<String, Object> metadata,
      Instant decidedAt) {
    List<FieldError> words = new ArrayList<>();
    // A faulty word's stand-in is never returned: its error is in words, which throws below.
    DecisionAction parsedAction =
        parsed(words, () -> DecisionAction.parse(action), DecisionAction.HOLD);
    Urgency parsedUrgency = parsed(words, () -> Urgency.parse(urgency), Urgency.NORMAL);
    try {
      Decision decision =
          new Decision(
              decisionId,
              parsedAction,
              parsedUrgency,
              rule,
              symbol,
              strategyId,
              reason,
              metadata == null ? Map.of() : metadata,
              decidedAt);
      if (!words.isEmpty()) {
        throw new InvalidInput(words);
      }
      return decision;
    } catch (InvalidInput others) {
      if (words.isEmpty()) {
        throw others;
      }
      // The word's own reason ("unknown word …") over the record's "is required" for it.
      List<FieldError> all = new ArrayList<>(words);
      others.errors().stream()
          .filter(e -> words.stream().noneMatch(w -> w.field().equals(e.field())))
          .forEach(all::add);
      throw new InvalidInput(all);
    }
  }

  /** The parsed word, or {@code standIn} with its field's error added. */
  private static <T> T parsed(
      List<FieldError> errors, java.util.function.Supplier<T> parse, T standIn) {
    try {
      return parse.get();
    } catch (InvalidInput invalid) {
      errors.addAll(invalid.errors());
      return standIn;
    }
  }

  private static void required(
      List<FieldError> errors, String field, @Nullable String text, int max) {
    if (text == null || text.isBlank()) {
      errors.add(new FieldError(field, "is required and must not be blank"));
    } else if (text.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  private static void optional(
      List<FieldError> errors, String field, @Nullable String text, int max) {
    if (text != null) {
      required(errors, field, text, max);
    }
  }
}
