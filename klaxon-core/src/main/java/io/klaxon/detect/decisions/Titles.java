package io.klaxon.detect.decisions;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Readable titles of decision alerts: "Take Profit triggered on SPY IC". */
final class Titles {

  private Titles() {}

  static String of(Decision decision) {
    String position = position(decision);
    String rule = ruleName(decision.rule());
    return position == null ? rule + " triggered" : rule + " triggered on " + position;
  }

  /**
   * The position in words: symbol and strategy ("SPY IC"); a numeric strategy id alone would read
   * as a quantity, so it is called "strategy 123".
   */
  static @Nullable String position(Decision decision) {
    String strategy = decision.strategyId();
    if (strategy != null && strategy.chars().allMatch(Character::isDigit)) {
      strategy = "strategy " + strategy;
    }
    if (decision.symbol() == null) {
      return strategy;
    }
    return strategy == null ? decision.symbol() : decision.symbol() + " " + strategy;
  }

  /**
   * A rule key in words: {@code take_profit}, {@code take-profit} and {@code takeProfit} all read
   * "Take Profit"; a word already in capitals ({@code DTE_roll}) keeps them.
   */
  static String ruleName(String rule) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < rule.length(); i++) {
      char c = rule.charAt(i);
      boolean separator = c == '_' || c == '-' || c == '.' || Character.isWhitespace(c);
      boolean camelBreak =
          Character.isUpperCase(c) && i > 0 && Character.isLowerCase(rule.charAt(i - 1));
      if ((separator || camelBreak) && !word.isEmpty()) {
        words.add(word.toString());
        word.setLength(0);
      }
      if (!separator) {
        word.append(c);
      }
    }
    if (!word.isEmpty()) {
      words.add(word.toString());
    }
    List<String> capitalised = new ArrayList<>(words.size());
    for (String w : words) {
      int first = w.codePointAt(0);
      capitalised.add(
          Character.toString(Character.toUpperCase(first))
              + w.substring(Character.charCount(first)));
    }
    // A rule made only of separators has no words: its key is the best name left.
    return capitalised.isEmpty() ? rule : String.join(" ", capitalised);
  }
}
