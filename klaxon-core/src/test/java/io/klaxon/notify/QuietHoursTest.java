package io.klaxon.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Severity;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private final QuietHours night =
      new QuietHours(ZoneId.of("UTC"), LocalTime.of(22, 0), LocalTime.of(7, 0), false);

  @Test
  void aSpanAcrossMidnightHoldsUntilItsEndTheNextMorning() {
    assertThat(night.release(Instant.parse("2026-03-02T23:30:00Z"), Severity.HIGH))
        .isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
    assertThat(night.release(Instant.parse("2026-03-03T03:00:00Z"), Severity.HIGH))
        .isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
  }

  @Test
  void outsideTheSpanNothingWaits() {
    Instant noon = Instant.parse("2026-03-02T12:00:00Z");
    assertThat(night.release(noon, Severity.LOW)).isEqualTo(noon);
    Instant end = Instant.parse("2026-03-02T07:00:00Z");
    assertThat(night.release(end, Severity.LOW)).isEqualTo(end);
  }

  @Test
  void criticalOverridesOnlyWhenTheRouteSaysSo() {
    QuietHours overridden =
        new QuietHours(ZoneId.of("UTC"), LocalTime.of(22, 0), LocalTime.of(7, 0), true);
    Instant late = Instant.parse("2026-03-02T23:30:00Z");
    assertThat(overridden.release(late, Severity.CRITICAL)).isEqualTo(late);
    assertThat(night.release(late, Severity.CRITICAL))
        .isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
  }
}
