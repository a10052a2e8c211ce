package io.klaxon.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Daily hand-off at 09:00 Berlin time, from Friday 27 March 2026; DST starts Sunday 29th. */
  private static Schedule daily(List<ScheduleOverride> overrides) {
    Rotation rotation =
        new Rotation(
            List.of("alice", "bob"),
            LocalDateTime.parse("2026-03-27T09:00"),
            new ShiftLength(1, ChronoUnit.DAYS));
    return new Schedule("primary", BERLIN, List.of(rotation), overrides);
  }

  @Test
  void aDailyHandOffStaysAtNineLocalTimeAcrossTheDaylightSavingChange() {
    Schedule schedule = daily(List.of());
    assertThat(schedule.onCallAt(Instant.parse("2026-03-27T07:59:00Z"))).isEmpty();
    assertThat(schedule.onCallAt(Instant.parse("2026-03-27T08:00:00Z"))).contains("alice");
    assertThat(schedule.onCallAt(Instant.parse("2026-03-28T08:00:00Z"))).contains("bob");
    // 09:00 CEST on the 29th is 07:00 UTC: bob's turn was 23 hours long.
    assertThat(schedule.onCallAt(Instant.parse("2026-03-29T06:59:00Z"))).contains("bob");
    assertThat(schedule.onCallAt(Instant.parse("2026-03-29T07:00:00Z"))).contains("alice");

    List<Schedule.Shift> shifts =
        schedule.shifts(
            Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-31T00:00:00Z"));
    assertThat(shifts)
        .containsExactly(
            new Schedule.Shift(
                "alice",
                Instant.parse("2026-03-28T00:00:00Z"),
                Instant.parse("2026-03-28T08:00:00Z")),
            new Schedule.Shift(
                "bob",
                Instant.parse("2026-03-28T08:00:00Z"),
                Instant.parse("2026-03-29T07:00:00Z")),
            new Schedule.Shift(
                "alice",
                Instant.parse("2026-03-29T07:00:00Z"),
                Instant.parse("2026-03-30T07:00:00Z")),
            new Schedule.Shift(
                "bob",
                Instant.parse("2026-03-30T07:00:00Z"),
                Instant.parse("2026-03-31T00:00:00Z")));
    assertThat(Duration.between(shifts.get(1).start(), shifts.get(1).end())).hasHours(23);
  }

  @Test
  void hourlyShiftsCountElapsedTimeThroughTheChange() {
    Rotation rotation =
        new Rotation(
            List.of("a", "b", "c"),
            LocalDateTime.parse("2026-03-29T00:00"),
            new ShiftLength(12, ChronoUnit.HOURS));
    Schedule schedule = new Schedule("s", BERLIN, List.of(rotation), List.of());
    // Starts 23:00 UTC on the 28th; a's 12 elapsed hours end at 11:00 UTC, 13:00 CEST.
    assertThat(schedule.onCallAt(Instant.parse("2026-03-29T10:59:00Z"))).contains("a");
    assertThat(schedule.onCallAt(Instant.parse("2026-03-29T11:00:00Z"))).contains("b");
    assertThat(schedule.onCallAt(Instant.parse("2026-03-30T11:00:00Z"))).contains("a");
  }

  @Test
  void anOverrideTakesOverAndTheRotationResumesAfterIt() {
    ScheduleOverride cover =
        new ScheduleOverride(
            "carol", Instant.parse("2026-03-29T12:00:00Z"), Instant.parse("2026-03-29T18:00:00Z"));
    Schedule schedule = daily(List.of(cover));
    assertThat(schedule.onCallAt(Instant.parse("2026-03-29T12:00:00Z"))).contains("carol");
    assertThat(schedule.onCallAt(Instant.parse("2026-03-29T18:00:00Z"))).contains("alice");
    assertThat(
            schedule.shifts(
                Instant.parse("2026-03-29T07:00:00Z"), Instant.parse("2026-03-30T07:00:00Z")))
        .extracting(Schedule.Shift::person)
        .containsExactly("alice", "carol", "alice");
  }

  @Test
  void aLaterRotationIsALayerOverTheEarlierOnesOnceItStarts() {
    Rotation weekly =
        new Rotation(
            List.of("dave"),
            LocalDateTime.parse("2026-04-06T09:00"),
            new ShiftLength(1, ChronoUnit.WEEKS));
    Schedule schedule =
        new Schedule(
            "s", BERLIN, List.of(daily(List.of()).rotations().getFirst(), weekly), List.of());
    assertThat(schedule.onCallAt(Instant.parse("2026-04-06T06:00:00Z"))).contains("bob");
    assertThat(schedule.onCallAt(Instant.parse("2026-04-06T07:00:00Z"))).contains("dave");
    assertThat(schedule.onCallAt(Instant.parse("2027-01-01T00:00:00Z"))).contains("dave");
  }

  @Test
  void aRotationWithoutMembersOrAShiftOfNothingIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                new Rotation(
                    List.of(),
                    LocalDateTime.parse("2026-03-27T09:00"),
                    new ShiftLength(1, ChronoUnit.DAYS)))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("members");
    assertThatThrownBy(() -> new ShiftLength(0, ChronoUnit.DAYS))
        .hasMessageContaining("shiftLength.amount");
    assertThatThrownBy(() -> ShiftLength.unit("fortnights"))
        .hasMessageContaining("shiftLength.unit");
  }
}
