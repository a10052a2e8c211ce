package io.klaxon.suppress;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;
import org.jspecify.annotations.Nullable;

/**
 * When a maintenance window is open: an RFC 5545 recurrence rule expanded from {@code startDate} at
 * {@code startTime}, in wall-clock time of {@code zone}; each occurrence lasts {@code duration} of
 * wall-clock time (a window from 22:00 for 8h ends at 06:00 local, across a DST change too). No
 * occurrence starts after {@code endDate}.
 *
 * @param rrule the rule without the {@code RRULE:} prefix, e.g. {@code FREQ=WEEKLY;BYDAY=SA,SU}
 * @param endDate the last day an occurrence may start on, in the zone; null for no end
 */
public record WindowSchedule(
    String rrule,
    LocalTime startTime,
    ZoneId zone,
    Duration duration,
    LocalDate startDate,
    @Nullable LocalDate endDate) {

  /** The longest occurrence allowed; it bounds how far back an occurrence can still be open. */
  public static final Duration MAX_DURATION = Duration.ofDays(31);

  public WindowSchedule {
    List<FieldError> faults = new ArrayList<>();
    rrule = rrule.strip();
    if (rrule.regionMatches(true, 0, "RRULE:", 0, 6)) {
      rrule = rrule.substring(6).strip();
    }
    rrule = rrule.toUpperCase(Locale.ROOT);
    if (duration.isNegative() || duration.isZero()) {
      faults.add(new FieldError("duration", "must be positive"));
    } else if (duration.compareTo(MAX_DURATION) > 0) {
      faults.add(new FieldError("duration", "may be at most " + MAX_DURATION.toDays() + " days"));
    }
    if (endDate != null && endDate.isBefore(startDate)) {
      faults.add(new FieldError("endDate", "must not be before startDate " + startDate));
    }
    String ruleFault = ruleFault(rrule, startDate, startTime);
    if (ruleFault != null) {
      faults.add(new FieldError("rrule", ruleFault));
    }
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
  }

  /** The rule of a window on these days of every week, e.g. {@code FREQ=WEEKLY;BYDAY=MO,WE}. */
  public static String weekly(Collection<DayOfWeek> days) {
    if (days.isEmpty()) {
      throw new InvalidInput("days", "name at least one day of the week");
    }
    return "FREQ=WEEKLY;BYDAY="
        + days.stream()
            .distinct()
            .sorted()
            .map(day -> day.name().substring(0, 2))
            .collect(Collectors.joining(","));
  }

  /** The occurrence open at the instant, if one is. */
  public Optional<Occurrence> at(Instant instant) {
    return between(instant, instant.plusNanos(1), 1).stream().findFirst();
  }

  /**
   * The occurrences that overlap {@code [from, to)}, in order, at most {@code limit} of them: one
   * already open at {@code from} comes first.
   */
  public List<Occurrence> between(Instant from, Instant to, int limit) {
    List<Occurrence> found = new ArrayList<>();
    if (!to.isAfter(from) || limit <= 0) {
      return found;
    }
    RecurrenceRuleIterator starts = rule(rrule).iterator(floating(startDate.atTime(startTime)));
    // Wall-clock durations differ from elapsed time by a DST shift at most: a day covers it.
    LocalDateTime earliest =
        LocalDateTime.ofInstant(from, zone).minus(duration).minusDays(1).withNano(0);
    if (earliest.isAfter(startDate.atTime(startTime))) {
      starts.fastForward(floating(earliest));
    }
    while (starts.hasNext() && found.size() < limit) {
      LocalDateTime local = local(starts.nextDateTime());
      if (endDate != null && local.toLocalDate().isAfter(endDate)) {
        break;
      }
      Occurrence occurrence = occurrence(local);
      if (!occurrence.start().isBefore(to)) {
        break;
      }
      if (occurrence.end().isAfter(from)) {
        found.add(occurrence);
      }
    }
    return found;
  }

  /**
   * The occurrence starting at a wall-clock time: a start in a DST gap moves forward as the clocks
   * do; an end that wall-clock arithmetic puts at or before the start is the start plus the
   * duration.
   */
  private Occurrence occurrence(LocalDateTime local) {
    Instant start = ZonedDateTime.ofLocal(local, zone, null).toInstant();
    Instant end = ZonedDateTime.ofLocal(local.plus(duration), zone, null).toInstant();
    return new Occurrence(start, end.isAfter(start) ? end : start.plus(duration));
  }

  private static @Nullable String ruleFault(String text, LocalDate startDate, LocalTime time) {
    RecurrenceRule rule;
    try {
      rule = new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
    } catch (InvalidRecurrenceRuleException | RuntimeException e) {
      return "'" + text + "' is not an RFC 5545 recurrence rule: " + e.getMessage();
    }
    if (rule.getFreq() == Freq.SECONDLY || rule.getFreq() == Freq.MINUTELY) {
      return "a window recurs at most hourly (FREQ=HOURLY or slower)";
    }
    if (rule.getUntil() != null && !rule.getUntil().isFloating() && !rule.getUntil().isAllDay()) {
      return "UNTIL is read in the window's time zone: write it without Z (or use endDate)";
    }
    try {
      RecurrenceRuleIterator first = rule.iterator(floating(startDate.atTime(time)));
      if (!first.hasNext()) {
        return "the rule has no occurrence";
      }
      first.nextDateTime();
    } catch (RuntimeException e) {
      return "the rule has no occurrence that can be found (" + e.getMessage() + ")";
    }
    return null;
  }

  private static RecurrenceRule rule(String text) {
    try {
      return new RecurrenceRule(text, RecurrenceRule.RfcMode.RFC5545_STRICT);
    } catch (InvalidRecurrenceRuleException e) {
      throw new IllegalStateException("checked when the schedule was made", e);
    }
  }

  /** lib-recur counts months from 0; a floating date-time has no zone, as wall-clock time. */
  private static DateTime floating(LocalDateTime local) {
    return new DateTime(
        local.getYear(),
        local.getMonthValue() - 1,
        local.getDayOfMonth(),
        local.getHour(),
        local.getMinute(),
        local.getSecond());
  }

  private static LocalDateTime local(DateTime date) {
    if (date.isAllDay()) {
      return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDayOfMonth()).atStartOfDay();
    }
    return LocalDateTime.of(
        date.getYear(),
        date.getMonth() + 1,
        date.getDayOfMonth(),
        date.getHours(),
        date.getMinutes(),
        date.getSeconds());
  }
}
