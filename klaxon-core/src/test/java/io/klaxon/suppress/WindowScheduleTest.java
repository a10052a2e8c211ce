package io.klaxon.suppress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static WindowSchedule saturdayNights() {
    return new WindowSchedule(
        WindowSchedule.weekly(EnumSet.of(DayOfWeek.SATURDAY)),
        LocalTime.of(22, 0),
        BERLIN,
        Duration.ofHours(4),
        LocalDate.of(2026, 1, 1),
        null);
  }

  private static List<String> fields(Throwable refusal) {
    return ((InvalidInput) refusal).errors().stream().map(InvalidInput.FieldError::field).toList();
  }

  @Test
  void weeklyWindow_isOpenFromItsLocalStartForItsDuration() {
    WindowSchedule schedule = saturdayNights();

    // Saturday 2026-12-05 22:00 in Berlin is 21:00 UTC (winter time).
    assertThat(schedule.at(Instant.parse("2026-12-05T20:59:59Z"))).isEmpty();
    assertThat(schedule.at(Instant.parse("2026-12-05T21:00:00Z")))
        .contains(
            new Occurrence(
                Instant.parse("2026-12-05T21:00:00Z"), Instant.parse("2026-12-06T01:00:00Z")));
    assertThat(schedule.at(Instant.parse("2026-12-06T00:59:59Z"))).isPresent();
    assertThat(schedule.at(Instant.parse("2026-12-06T01:00:00Z"))).isEmpty();
  }

  @Test
  void localStartTime_followsDaylightSavingTime() {
    WindowSchedule schedule = saturdayNights();

    // In summer Berlin is UTC+2: the same 22:00 start is 20:00 UTC.
    assertThat(
            schedule.between(
                Instant.parse("2026-07-04T00:00:00Z"), Instant.parse("2026-07-05T00:00:00Z"), 5))
        .containsExactly(
            new Occurrence(
                Instant.parse("2026-07-04T20:00:00Z"), Instant.parse("2026-07-05T00:00:00Z")));
  }

  @Test
  void wallClockDuration_endsAtTheSameLocalTimeAcrossTheChange() {
    // On 2026-10-25 03:00 CEST becomes 02:00 CET: 22:00 Saturday to 04:00 Sunday lasts 7 hours.
    WindowSchedule schedule =
        new WindowSchedule(
            "FREQ=WEEKLY;BYDAY=SA",
            LocalTime.of(22, 0),
            BERLIN,
            Duration.ofHours(6),
            LocalDate.of(2026, 1, 1),
            null);

    assertThat(schedule.at(Instant.parse("2026-10-24T21:00:00Z")))
        .contains(
            new Occurrence(
                Instant.parse("2026-10-24T20:00:00Z"), Instant.parse("2026-10-25T03:00:00Z")));
  }

  @Test
  void rruleWithNegativeMonthDay_countsFromTheMonthEnd() {
    WindowSchedule lastDay =
        new WindowSchedule(
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=-1",
            LocalTime.MIDNIGHT,
            ZoneId.of("UTC"),
            Duration.ofDays(1),
            LocalDate.of(2026, 1, 1),
            null);

    assertThat(
            lastDay.between(
                Instant.parse("2027-02-01T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"), 10))
        .extracting(Occurrence::start)
        .containsExactly(
            Instant.parse("2027-02-28T00:00:00Z"), Instant.parse("2027-03-31T00:00:00Z"));
  }

  @Test
  void noOccurrenceStartsBeforeStartDateOrAfterEndDate() {
    WindowSchedule bounded =
        new WindowSchedule(
            "FREQ=DAILY",
            LocalTime.NOON,
            ZoneId.of("UTC"),
            Duration.ofHours(1),
            LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 3, 3));

    assertThat(
            bounded.between(
                Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-10T00:00:00Z"), 10))
        .extracting(Occurrence::start)
        .containsExactly(
            Instant.parse("2026-03-02T12:00:00Z"), Instant.parse("2026-03-03T12:00:00Z"));
  }

  @Test
  void listing_startsWithTheOccurrenceAlreadyOpenAndStopsAtTheLimit() {
    WindowSchedule hourly =
        new WindowSchedule(
            "FREQ=HOURLY",
            LocalTime.MIDNIGHT,
            ZoneId.of("UTC"),
            Duration.ofMinutes(30),
            LocalDate.of(2026, 1, 1),
            null);

    assertThat(
            hourly.between(
                Instant.parse("2026-06-01T10:15:00Z"), Instant.parse("2026-06-02T00:00:00Z"), 3))
        .extracting(Occurrence::start)
        .containsExactly(
            Instant.parse("2026-06-01T10:00:00Z"),
            Instant.parse("2026-06-01T11:00:00Z"),
            Instant.parse("2026-06-01T12:00:00Z"));
  }

  @Test
  void badRuleDurationAndEndDate_areRefusedNamingEachField() {
    assertThatThrownBy(
            () ->
                new WindowSchedule(
                    "FREQ=WEEKLY;BYDAY=XX",
                    LocalTime.NOON,
                    BERLIN,
                    Duration.ZERO,
                    LocalDate.of(2026, 3, 2),
                    LocalDate.of(2026, 3, 1)))
        .isInstanceOf(InvalidInput.class)
        .satisfies(e -> assertThat(fields(e)).containsExactly("duration", "endDate", "rrule"));
  }

  @Test
  void rulesThatNeverOccurOrRecurTooOften_areRefused() {
    for (String rule :
        List.of(
            "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            "FREQ=MINUTELY",
            "FREQ=DAILY;UNTIL=20270101T000000Z")) {
      assertThatThrownBy(
              () ->
                  new WindowSchedule(
                      rule,
                      LocalTime.NOON,
                      BERLIN,
                      Duration.ofHours(1),
                      LocalDate.of(2026, 1, 1),
                      null))
          .as(rule)
          .isInstanceOf(InvalidInput.class)
          .satisfies(e -> assertThat(fields(e)).containsExactly("rrule"));
    }
  }

  @Test
  void startDate_anchorsTheRule_butIsNoOccurrenceUnlessTheRuleGivesIt() {
    // 2026-01-01 is a Thursday: a Saturday rule first opens on the 3rd; INTERVAL counts from it.
    WindowSchedule everyOtherSaturday =
        new WindowSchedule(
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=SA",
            LocalTime.of(9, 0),
            ZoneId.of("UTC"),
            Duration.ofHours(1),
            LocalDate.of(2026, 1, 1),
            null);

    assertThat(
            everyOtherSaturday.between(
                Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"), 10))
        .extracting(Occurrence::start)
        .containsExactly(
            Instant.parse("2026-01-03T09:00:00Z"),
            Instant.parse("2026-01-17T09:00:00Z"),
            Instant.parse("2026-01-31T09:00:00Z"));
  }
}
