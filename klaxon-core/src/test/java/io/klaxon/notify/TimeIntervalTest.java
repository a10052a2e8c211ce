package io.klaxon.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Alertmanager's time interval semantics, and when a route with mute or active times sends. */
class TimeIntervalTest {

  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static TimePeriod period(
      List<DayMinutes> times,
      List<Span> weekdays,
      List<Span> days,
      List<Span> months,
      List<Span> years,
      ZoneId zone) {
    return new TimePeriod(times, weekdays, days, months, years, zone);
  }

  private static TimePeriod businessHours(ZoneId zone) {
    return period(
        List.of(DayMinutes.of("times[0]", "09:00", "17:00")),
        List.of(Span.weekdays("weekdays[0]", "monday:friday")),
        List.of(),
        List.of(),
        List.of(),
        zone);
  }

  @Test
  void timesIncludeTheStartAndExcludeTheEnd() {
    TimePeriod hours = businessHours(UTC);
    // 2026-12-07 is a Monday.
    assertThat(hours.contains(Instant.parse("2026-12-07T08:59:59Z"))).isFalse();
    assertThat(hours.contains(Instant.parse("2026-12-07T09:00:00Z"))).isTrue();
    assertThat(hours.contains(Instant.parse("2026-12-07T16:59:59Z"))).isTrue();
    assertThat(hours.contains(Instant.parse("2026-12-07T17:00:00Z"))).isFalse();
  }

  @Test
  void aWeekdayRangeHoldsEveryDayFromItsStartToItsEnd() {
    TimePeriod hours = businessHours(UTC);
    assertThat(hours.contains(Instant.parse("2026-12-11T12:00:00Z"))).as("Friday").isTrue();
    assertThat(hours.contains(Instant.parse("2026-12-12T12:00:00Z"))).as("Saturday").isFalse();
    assertThat(hours.contains(Instant.parse("2026-12-13T12:00:00Z"))).as("Sunday").isFalse();
    // Sunday is 0: saturday:sunday is refused, as Alertmanager refuses it.
    assertThatThrownBy(() -> Span.weekdays("w", "Saturday:Sunday"))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void aLocationReadsTheTimesInItsZoneAcrossTheDaylightSavingChange() {
    TimePeriod berlin = businessHours(BERLIN);
    // Winter (UTC+1): 09:00 Berlin is 08:00 UTC.
    assertThat(berlin.contains(Instant.parse("2026-12-07T08:00:00Z"))).isTrue();
    assertThat(berlin.contains(Instant.parse("2026-12-07T07:59:00Z"))).isFalse();
    // Summer (UTC+2): 09:00 Berlin is 07:00 UTC; Monday 2026-03-30 is after the change.
    assertThat(berlin.contains(Instant.parse("2026-03-30T07:00:00Z"))).isTrue();
    assertThat(berlin.contains(Instant.parse("2026-03-30T15:00:00Z"))).isFalse();
  }

  @Test
  void negativeDaysOfMonthCountFromTheEndOfEachMonth() {
    TimePeriod lastThree =
        period(
            List.of(),
            List.of(),
            List.of(Span.daysOfMonth("d", "-3:-1")),
            List.of(),
            List.of(),
            UTC);
    assertThat(lastThree.contains(Instant.parse("2026-02-26T00:00:00Z"))).isTrue();
    assertThat(lastThree.contains(Instant.parse("2026-02-25T23:59:00Z"))).isFalse();
    assertThat(lastThree.contains(Instant.parse("2026-01-29T00:00:00Z"))).isTrue();
    assertThat(lastThree.contains(Instant.parse("2026-01-28T12:00:00Z"))).isFalse();
    TimePeriod firstToLast =
        period(
            List.of(),
            List.of(),
            List.of(Span.daysOfMonth("d", "25:-1")),
            List.of(),
            List.of(),
            UTC);
    assertThat(firstToLast.contains(Instant.parse("2026-04-30T10:00:00Z"))).isTrue();
    assertThat(firstToLast.contains(Instant.parse("2026-04-24T10:00:00Z"))).isFalse();
  }

  @Test
  void monthsAndYearsByNameOrNumber() {
    TimePeriod winter2027 =
        period(
            List.of(),
            List.of(),
            List.of(),
            List.of(Span.months("m", "december"), Span.months("m", "1:2")),
            List.of(Span.years("y", "2027")),
            UTC);
    assertThat(winter2027.contains(Instant.parse("2027-01-15T00:00:00Z"))).isTrue();
    assertThat(winter2027.contains(Instant.parse("2027-12-31T23:59:00Z"))).isTrue();
    assertThat(winter2027.contains(Instant.parse("2027-03-01T00:00:00Z"))).isFalse();
    assertThat(winter2027.contains(Instant.parse("2026-12-15T00:00:00Z"))).isFalse();
  }

  @Test
  void malformedPartsAreRefusedWithTheirField() {
    assertThatThrownBy(() -> DayMinutes.of("times[0]", "17:00", "09:00"))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("times[0]");
    assertThatThrownBy(() -> DayMinutes.of("times[0]", "9:00", "10:00"))
        .hasMessageContaining("times[0].startTime");
    assertThat(DayMinutes.of("t", "22:00", "24:00").end()).isEqualTo(1440);
    assertThatThrownBy(() -> Span.weekdays("w", "friday:monday")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Span.weekdays("w", "1")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Span.daysOfMonth("d", "0")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Span.daysOfMonth("d", "-1:5")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Span.daysOfMonth("d", "-1:-3")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Span.months("m", "march:january")).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Span.years("y", "2027:2026")).isInstanceOf(InvalidInput.class);
  }

  @Test
  void aMutedRouteSendsAtTheEndOfTheInterval() {
    TimeInterval weekends =
        new TimeInterval(
            "weekends",
            List.of(
                period(
                    List.of(),
                    List.of(Span.weekdays("w", "saturday"), Span.weekdays("w", "sunday")),
                    List.of(),
                    List.of(),
                    List.of(),
                    UTC)));
    RouteTimes muted = new RouteTimes(List.of(weekends), List.of());
    Instant saturday = Instant.parse("2026-12-12T10:00:00Z");
    assertThat(muted.sendsAt(saturday)).isFalse();
    assertThat(muted.nextSend(saturday)).contains(Instant.parse("2026-12-14T00:00:00Z"));
    Instant friday = Instant.parse("2026-12-11T10:00:00Z");
    assertThat(muted.nextSend(friday)).contains(friday);
  }

  @Test
  void anActiveRouteSendsOnlyInsideItsIntervalsAndNeverWhenTheyAreOver() {
    TimeInterval hours = new TimeInterval("business-hours", List.of(businessHours(BERLIN)));
    RouteTimes active = new RouteTimes(List.of(), List.of(hours));
    // Friday 18:00 Berlin: next Monday 09:00 Berlin, 08:00 UTC.
    assertThat(active.nextSend(Instant.parse("2026-12-11T17:00:00Z")))
        .contains(Instant.parse("2026-12-14T08:00:00Z"));
    assertThat(active.nextSend(Instant.parse("2026-12-14T08:30:00Z")))
        .contains(Instant.parse("2026-12-14T08:30:00Z"));
    TimeInterval past =
        new TimeInterval(
            "2020",
            List.of(
                period(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(Span.years("y", "2020")),
                    UTC)));
    assertThat(
            new RouteTimes(List.of(), List.of(past))
                .nextSend(Instant.parse("2026-12-14T08:30:00Z")))
        .isEmpty();
    assertThat(RouteTimes.ALWAYS.sendsAt(Instant.EPOCH)).isTrue();
  }
}
