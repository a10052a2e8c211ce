package io.klaxon.notify;

import io.klaxon.problem.InvalidInput;
import java.util.regex.Pattern;

/**
 * A span of the day in minutes, the start included and the end not ({@code 09:00}–{@code 17:00}
 * holds 16:59 but not 17:00); {@code 24:00} ends a span at midnight.
 */
public record DayMinutes(int start, int end) {

  private static final Pattern TIME = Pattern.compile("^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$");

  public DayMinutes {
    if (start < 0 || end > 1440 || start >= end) {
      throw new InvalidInput("times", "the start time must be before the end time");
    }
  }

  /**
   * The span between two {@code HH:MM} times.
   *
   * @throws InvalidInput naming {@code field} when a time is missing, malformed or not in order
   */
  public static DayMinutes of(String field, String startTime, String endTime) {
    int from = minutes(field + ".startTime", startTime);
    int to = minutes(field + ".endTime", endTime);
    if (from >= to) {
      throw new InvalidInput(
          field, "the start " + startTime + " must be before the end " + endTime);
    }
    return new DayMinutes(from, to);
  }

  /** Whether the minute of the day is in the span. */
  public boolean contains(int minute) {
    return minute >= start && minute < end;
  }

  /** The start as {@code HH:MM}. */
  public String startText() {
    return text(start);
  }

  /** The end as {@code HH:MM}. */
  public String endText() {
    return text(end);
  }

  private static String text(int minutes) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }

  private static int minutes(String field, String text) {
    if (!TIME.matcher(text).matches()) {
      throw new InvalidInput(field, "'" + text + "' is not a time of day as HH:MM (00:00-24:00)");
    }
    return Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3));
  }
}
