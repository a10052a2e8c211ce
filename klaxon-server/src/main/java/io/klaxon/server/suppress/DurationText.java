package io.klaxon.server.suppress;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as people write it: {@code 30m}, {@code 2h}, {@code 1d}, or ISO {@code PT90M}.
 */
final class DurationText {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

  private DurationText() {}

  /**
   * @throws InvalidInput naming {@code field} when the text is no duration
   */
  static Duration parse(String field, String text) {
    Matcher simple = SHORT.matcher(text.strip().toLowerCase(Locale.ROOT));
    try {
      if (simple.matches()) {
        long amount = Long.parseLong(simple.group(1));
        return switch (simple.group(2)) {
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          default -> Duration.ofDays(amount);
        };
      }
      return Duration.parse(text.strip());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new InvalidInput(field, "'" + text + "' is not a duration such as 30m, 2h or PT90M");
    }
  }
}
