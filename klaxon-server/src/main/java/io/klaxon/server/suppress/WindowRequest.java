package io.klaxon.server.suppress;

import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.MaintenanceWindow;
import io.klaxon.suppress.WindowSchedule;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A maintenance window as Klaxon's API takes it: {@code matchers} (or {@code matcherSets}), the
 * schedule as an RFC 5545 {@code rrule} or as weekly {@code days}, a {@code startTime} of day in
 * the IANA {@code timeZone}, a {@code duration} ({@code 4h}, {@code PT90M}), and optional {@code
 * startDate} (default today in the zone) and {@code endDate}.
 */
record WindowRequest(
    @Nullable String name,
    @Nullable String matchers,
    @Nullable List<String> matcherSets,
    @Nullable String rrule,
    @Nullable List<String> days,
    @Nullable String startTime,
    @Nullable String timeZone,
    @Nullable String duration,
    @Nullable String startDate,
    @Nullable String endDate,
    @Nullable String createdBy,
    @Nullable String comment) {

  /**
   * The window this request asks for, with every faulty field named at once.
   *
   * @param id the window's id, 0 for a new one
   * @throws io.klaxon.problem.InvalidInput naming each faulty field; nothing is made
   */
  MaintenanceWindow window(long id, String actor, Instant now) {
    FieldErrors errors = new FieldErrors();
    List<List<LabelMatcher>> sets = MatcherText.sets(matchers, matcherSets, errors);
    String title = name == null ? "" : name;
    if (errors.isEmpty()) {
      MaintenanceWindow.faults(title, sets).forEach(f -> errors.add(f.field(), f.reason()));
    } else if (title.isBlank()) {
      errors.add("name", "a maintenance window needs a name");
    }
    WindowSchedule schedule = schedule(now, errors);
    errors.throwIfAny();
    return new MaintenanceWindow(
        id,
        title,
        sets,
        Objects.requireNonNull(schedule, "a schedule without faults is made"),
        createdBy == null || createdBy.isBlank() ? actor : createdBy,
        comment == null ? "" : comment,
        now);
  }

  /**
   * The schedule, or null when a fault is recorded.
   *
   * @param now gives the default start date, today in the window's zone
   */
  private @Nullable WindowSchedule schedule(Instant now, FieldErrors errors) {
    ZoneId zone = zone(errors);
    String rule = rule(errors);
    LocalTime time = time(errors);
    Duration length = null;
    if (errors.require("duration", duration)) {
      length = errors.attempt("", () -> DurationText.parse("duration", String.valueOf(duration)));
    }
    LocalDate first =
        startDate == null
            ? LocalDate.ofInstant(now, zone == null ? ZoneId.of("UTC") : zone)
            : date("startDate", startDate, errors);
    LocalDate last = endDate == null ? null : date("endDate", endDate, errors);
    if (zone == null
        || rule == null
        || time == null
        || length == null
        || first == null
        || (endDate != null && last == null)) {
      if (rule != null) {
        checkRuleAlone(
            rule, first == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : first, errors);
      }
      return null;
    }
    Duration span = length;
    return errors.attempt("", () -> new WindowSchedule(rule, time, zone, span, first, last));
  }

  /** Names a bad rule even when other parts of the schedule are bad too. */
  private static void checkRuleAlone(String rule, LocalDate first, FieldErrors errors) {
    try {
      new WindowSchedule(rule, LocalTime.NOON, ZoneOffset.UTC, Duration.ofHours(1), first, null);
    } catch (InvalidInput e) {
      e.errors().stream()
          .filter(fault -> fault.field().equals("rrule"))
          .forEach(fault -> errors.add(fault.field(), fault.reason()));
    }
  }

  private @Nullable ZoneId zone(FieldErrors errors) {
    if (!errors.require("timeZone", timeZone)) {
      return null;
    }
    try {
      return ZoneId.of(String.valueOf(timeZone).strip());
    } catch (DateTimeException e) {
      errors.add("timeZone", "'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
      return null;
    }
  }

  private @Nullable String rule(FieldErrors errors) {
    if (rrule != null && days != null) {
      errors.add("rrule", "give rrule or days, not both");
      return null;
    }
    if (rrule != null) {
      return rrule;
    }
    if (days == null) {
      errors.add("rrule", "give rrule (RFC 5545) or days (weekly)");
      return null;
    }
    List<DayOfWeek> weekdays = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      DayOfWeek day = day(days.get(i));
      if (day == null) {
        errors.add("days[" + i + "]", "'" + days.get(i) + "' is not a day such as MO or monday");
      } else {
        weekdays.add(day);
      }
    }
    if (weekdays.size() < days.size()) {
      return null;
    }
    return errors.attempt("", () -> WindowSchedule.weekly(weekdays));
  }

  private static @Nullable DayOfWeek day(@Nullable String text) {
    if (text == null || text.strip().length() < 2) {
      return null;
    }
    String word = text.strip().toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(word)) {
        return day;
      }
    }
    return null;
  }

  private @Nullable LocalTime time(FieldErrors errors) {
    if (!errors.require("startTime", startTime)) {
      return null;
    }
    try {
      return LocalTime.parse(String.valueOf(startTime).strip());
    } catch (DateTimeParseException e) {
      errors.add("startTime", "'" + startTime + "' is not a time of day such as 22:00");
      return null;
    }
  }

  private static @Nullable LocalDate date(String field, String text, FieldErrors errors) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      errors.add(field, "'" + text + "' is not a date such as 2026-12-31");
      return null;
    }
  }
}
