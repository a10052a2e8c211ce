package io.klaxon.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * One entry of a time interval, with Alertmanager's semantics: an instant is in it when, read in
 * {@code location}, it passes every list given (an empty list puts no condition): one of the times
 * of day, weekdays, days of the month, months and years.
 */
public record TimePeriod(
    List<DayMinutes> times,
    List<Span> weekdays,
    List<Span> daysOfMonth,
    List<Span> months,
    List<Span> years,
    ZoneId location) {

  public TimePeriod {
    times = List.copyOf(times);
    weekdays = List.copyOf(weekdays);
    daysOfMonth = List.copyOf(daysOfMonth);
    months = List.copyOf(months);
    years = List.copyOf(years);
  }

  /** Whether the instant is in the period. */
  public boolean contains(Instant instant) {
    ZonedDateTime local = instant.atZone(location);
    int minute = local.getHour() * 60 + local.getMinute();
    if (!times.isEmpty() && times.stream().noneMatch(span -> span.contains(minute))) {
      return false;
    }
    if (!daysOfMonth.isEmpty() && daysOfMonth.stream().noneMatch(span -> dayIn(span, local))) {
      return false;
    }
    int month = local.getMonthValue();
    if (!months.isEmpty() && months.stream().noneMatch(span -> span.contains(month))) {
      return false;
    }
    int weekday = local.getDayOfWeek().getValue() % 7; // Sunday is 0, as in Go
    if (!weekdays.isEmpty() && weekdays.stream().noneMatch(span -> span.contains(weekday))) {
      return false;
    }
    int year = local.getYear();
    return years.isEmpty() || years.stream().anyMatch(span -> span.contains(year));
  }

  /**
   * The first instant after {@code instant} at which {@link #contains} may answer otherwise: the
   * next start or end of a time of day, or the next local midnight.
   */
  public Instant nextChange(Instant instant) {
    ZonedDateTime local = instant.atZone(location);
    LocalDate day = local.toLocalDate();
    Instant next = day.plusDays(1).atStartOfDay(location).toInstant();
    int minute = local.getHour() * 60 + local.getMinute();
    for (DayMinutes span : times) {
      for (int edge : new int[] {span.start(), span.end()}) {
        if (edge > minute && edge < 1440) {
          Instant at = day.atTime(edge / 60, edge % 60).atZone(location).toInstant();
          if (at.isAfter(instant) && at.isBefore(next)) {
            next = at;
          }
        }
      }
    }
    return next;
  }

  /** Alertmanager's day-of-month test: negatives count from the month's end, clamped to it. */
  private static boolean dayIn(Span span, ZonedDateTime local) {
    int length = local.toLocalDate().lengthOfMonth();
    int begin = span.begin() < 0 ? length + span.begin() + 1 : span.begin();
    int end = span.end() < 0 ? length + span.end() + 1 : span.end();
    if (begin > length) {
      return false;
    }
    begin = Math.clamp(begin, -length, length);
    end = Math.clamp(end, -length, length);
    int day = local.getDayOfMonth();
    return day >= begin && day <= end;
  }
}
