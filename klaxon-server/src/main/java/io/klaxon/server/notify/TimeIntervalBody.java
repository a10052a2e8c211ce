package io.klaxon.server.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.klaxon.notify.DayMinutes;
import io.klaxon.notify.Span;
import io.klaxon.notify.TimeInterval;
import io.klaxon.notify.TimePeriod;
import io.klaxon.problem.InvalidInput;
import io.klaxon.server.problem.FieldErrors;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * A named time interval as it is stored and answered: Alertmanager's {@code time_intervals} entry
 * in camelCase, its parts in Alertmanager's words ({@code monday:friday}, {@code -3:-1}, {@code
 * january:march}, {@code 09:00}–{@code 17:00}); without a location, times are UTC.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimeIntervalBody(@Nullable String name, @Nullable List<PeriodBody> timeIntervals) {

  /** One period: every list given must hold the instant, read in the location. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record PeriodBody(
      @Nullable List<TimesBody> times,
      @Nullable List<String> weekdays,
      @Nullable List<String> daysOfMonth,
      @Nullable List<String> months,
      @Nullable List<String> years,
      @Nullable String location) {}

  /** A span of the day, the end excluded. */
  record TimesBody(@Nullable String startTime, @Nullable String endTime) {}

  /** The interval, or null with every fault recorded under {@code prefix}. */
  @Nullable TimeInterval toInterval(String prefix, FieldErrors errors) {
    int before = errors.size();
    errors.require(prefix + "name", name);
    List<TimePeriod> periods = new ArrayList<>();
    List<PeriodBody> given = timeIntervals == null ? List.of() : timeIntervals;
    for (int i = 0; i < given.size(); i++) {
      PeriodBody body = given.get(i);
      String at = prefix + "timeIntervals[" + i + "].";
      if (body == null) {
        errors.add(at.substring(0, at.length() - 1), "must be a mapping");
        continue;
      }
      TimePeriod period = errors.attempt(at, () -> period(body));
      if (period != null) {
        periods.add(period);
      }
    }
    if (errors.size() > before) {
      return null;
    }
    return errors.attempt(prefix, () -> new TimeInterval(Objects.requireNonNull(name), periods));
  }

  private static TimePeriod period(PeriodBody body) {
    List<InvalidInput.FieldError> faults = new ArrayList<>();
    List<DayMinutes> times = new ArrayList<>();
    List<TimesBody> spans = body.times() == null ? List.of() : body.times();
    for (int i = 0; i < spans.size(); i++) {
      TimesBody span = spans.get(i);
      String field = "times[" + i + "]";
      String start = span == null ? null : span.startTime();
      String end = span == null ? null : span.endTime();
      if (start == null || end == null) {
        faults.add(new InvalidInput.FieldError(field, "needs both a startTime and an endTime"));
        continue;
      }
      collect(faults, () -> times.add(DayMinutes.of(field, start, end)));
    }
    List<Span> weekdays = spans("weekdays", body.weekdays(), Span::weekdays, faults);
    List<Span> days = spans("daysOfMonth", body.daysOfMonth(), Span::daysOfMonth, faults);
    List<Span> months = spans("months", body.months(), Span::months, faults);
    List<Span> years = spans("years", body.years(), Span::years, faults);
    ZoneId zone = ZoneOffset.UTC;
    if (body.location() != null) {
      try {
        // Go's "Local" is the server's zone.
        zone =
            body.location().equals("Local") ? ZoneId.systemDefault() : ZoneId.of(body.location());
      } catch (DateTimeException e) {
        faults.add(
            new InvalidInput.FieldError(
                "location", "'" + body.location() + "' is not a time zone such as Europe/Berlin"));
      }
    }
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    return new TimePeriod(times, weekdays, days, months, years, zone);
  }

  private static List<Span> spans(
      String field,
      @Nullable List<String> texts,
      BiFunction<String, String, Span> parse,
      List<InvalidInput.FieldError> faults) {
    List<Span> spans = new ArrayList<>();
    List<String> given = texts == null ? List.of() : texts;
    for (int i = 0; i < given.size(); i++) {
      String at = field + "[" + i + "]";
      String text = given.get(i);
      collect(faults, () -> spans.add(parse.apply(at, text == null ? "" : text)));
    }
    return spans;
  }

  private static void collect(List<InvalidInput.FieldError> faults, Runnable step) {
    try {
      step.run();
    } catch (InvalidInput e) {
      faults.addAll(e.errors());
    }
  }
}
