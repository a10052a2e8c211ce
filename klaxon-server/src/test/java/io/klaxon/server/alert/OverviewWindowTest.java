package io.klaxon.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OverviewWindowTest {

  @Test
  void theWindowEndsOnTheNextTenMinuteBoundarySoItsIntervalsCanBeCountedFromBuckets() {
    assertThat(OverviewConsoleController.nextTenMinutes(Instant.parse("2026-11-23T09:23:45.5Z")))
        .isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
    // A time on a boundary still ends after it, so the current ten minutes are shown.
    assertThat(OverviewConsoleController.nextTenMinutes(Instant.parse("2026-11-23T09:30:00Z")))
        .isEqualTo(Instant.parse("2026-11-23T09:40:00Z"));
    assertThat(OverviewConsoleController.nextTenMinutes(Instant.parse("1969-12-31T23:55:00Z")))
        .isEqualTo(Instant.EPOCH);
  }
}
