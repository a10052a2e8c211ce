package io.klaxon.oncall;

import io.klaxon.problem.InvalidInput;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How long each member's turn in a rotation lasts: hours count elapsed time; days and weeks count
 * the calendar of the schedule's zone, so that a hand-off stays at the same wall-clock time across
 * a daylight-saving change (that turn is an hour shorter or longer).
 */
public record ShiftLength(int amount, ChronoUnit unit) {

  public ShiftLength {
    if (amount < 1) {
      throw new InvalidInput("shiftLength.amount", "must be at least 1");
    }
    if (unit != ChronoUnit.HOURS && unit != ChronoUnit.DAYS && unit != ChronoUnit.WEEKS) {
      throw new InvalidInput("shiftLength.unit", "must be hours, days or weeks");
    }
  }

  /** Reads {@code hours}, {@code days} or {@code weeks}. */
  public static ChronoUnit unit(String word) {
    return switch (word.strip().toLowerCase(Locale.ROOT)) {
      case "hours" -> ChronoUnit.HOURS;
      case "days" -> ChronoUnit.DAYS;
      case "weeks" -> ChronoUnit.WEEKS;
      default ->
          throw new InvalidInput("shiftLength.unit", "'" + word + "' is not hours, days or weeks");
    };
  }

  /** The word for the unit, as the API gives it. */
  public String unitWord() {
    return unit.name().toLowerCase(Locale.ROOT);
  }

  /** A rough length in hours, to find a turn quickly before finding it exactly. */
  long approximateHours() {
    return amount * (unit == ChronoUnit.HOURS ? 1L : unit == ChronoUnit.DAYS ? 24L : 168L);
  }
}
