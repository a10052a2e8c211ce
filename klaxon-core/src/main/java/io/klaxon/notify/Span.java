package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.util.List;
import java.util.Locale;

/**
 * An inclusive range of weekdays (0 = Sunday), days of the month (negative: from the month's end,
 * -1 the last day), months (1 = January) or years, as Alertmanager's time intervals write them:
 * {@code monday:friday}, {@code -3:-1}, {@code january:march}, {@code 2026}.
 */
public record Span(int begin, int end) {

  private static final List<String> WEEKDAYS =
      List.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");

  private static final List<String> MONTHS =
      List.of(
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");

  /** Whether the value is in the range. */
  public boolean contains(int value) {
    return value >= begin && value <= end;
  }

  /**
   * A weekday range by name ({@code monday}, {@code monday:friday}).
   *
   * @throws InvalidInput naming {@code field} when it is not one
   */
  public static Span weekdays(String field, String text) {
    Span span =
        parse(field, text, word -> member(field, word, WEEKDAYS, 0, false, "a day of the week"));
    if (span.begin > span.end) {
      throw new InvalidInput(field, "'" + text + "': the start day is after the end day");
    }
    return span;
  }

  /**
   * A day-of-month range, 1 to 31 or -31 to -1 from the end ({@code 1:7}, {@code -1}).
   *
   * @throws InvalidInput naming {@code field} when it is not one, or is always empty
   */
  public static Span daysOfMonth(String field, String text) {
    Span span = parse(field, text, word -> number(field, word));
    for (int day : new int[] {span.begin, span.end}) {
      if (day == 0 || day < -31 || day > 31) {
        throw new InvalidInput(field, day + " is not a day of the month (1 to 31, -1 to -31)");
      }
    }
    if (span.begin < 0 && span.end > 0) {
      throw new InvalidInput(field, "'" + text + "': a negative start needs a negative end");
    }
    // As Alertmanager: refuse what is empty in every month (a 28-day month decides negatives).
    int begin = span.begin < 0 ? 28 + span.begin : span.begin;
    int end = span.end < 0 ? 28 + span.end : span.end;
    if (begin > end) {
      throw new InvalidInput(field, "'" + text + "': the end day is always before the start day");
    }
    return span;
  }

  /**
   * A month range by name or number ({@code january:march}, {@code 1:3}).
   *
   * @throws InvalidInput naming {@code field} when it is not one
   */
  public static Span months(String field, String text) {
    Span span = parse(field, text, word -> member(field, word, MONTHS, 1, true, "a month"));
    if (span.begin > span.end) {
      throw new InvalidInput(field, "'" + text + "': the end month is before the start month");
    }
    return span;
  }

  /**
   * A year range ({@code 2026}, {@code 2026:2027}).
   *
   * @throws InvalidInput naming {@code field} when it is not one
   */
  public static Span years(String field, String text) {
    Span span = parse(field, text, word -> number(field, word));
    if (span.begin <= 0 || span.begin > span.end) {
      throw new InvalidInput(field, "'" + text + "' is not a range of years such as 2026:2027");
    }
    return span;
  }

  /** Alertmanager's text for a weekday range. */
  public String weekdayText() {
    return begin == end ? WEEKDAYS.get(begin) : WEEKDAYS.get(begin) + ":" + WEEKDAYS.get(end);
  }

  /** Alertmanager's text for a month range. */
  public String monthText() {
    return begin == end ? MONTHS.get(begin - 1) : MONTHS.get(begin - 1) + ":" + MONTHS.get(end - 1);
  }

  /** Alertmanager's text for a numeric range (days of month, years). */
  public String numberText() {
    return begin == end ? Integer.toString(begin) : begin + ":" + end;
  }

  private interface Member {
    int of(String word);
  }

  private static Span parse(String field, String text, Member member) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    // A leading '-' is a negative day, not a separator; ':' is the only separator.
    String[] parts = lower.split(":", -1);
    if (parts.length > 2 || lower.isEmpty()) {
      throw new InvalidInput(field, "'" + text + "' is not a value or a range start:end");
    }
    int begin = member.of(parts[0]);
    int end = parts.length == 2 ? member.of(parts[1]) : begin;
    return new Span(begin, end);
  }

  private static int member(
      String field, String word, List<String> names, int first, boolean numbers, String what) {
    int index = names.indexOf(word);
    if (index >= 0) {
      return index + first;
    }
    try {
      if (!numbers) {
        throw new NumberFormatException(); // Alertmanager names weekdays only
      }
      int number = Integer.parseInt(word);
      if (number >= first && number < first + names.size()) {
        return number;
      }
    } catch (NumberFormatException e) {
      // not a number either: refused below
    }
    throw new InvalidInput(field, "'" + word + "' is not " + what);
  }

  private static int number(String field, String word) {
    try {
      return Integer.parseInt(word);
    } catch (NumberFormatException e) {
      throw new InvalidInput(field, "'" + word + "' is not a number");
    }
  }
}
