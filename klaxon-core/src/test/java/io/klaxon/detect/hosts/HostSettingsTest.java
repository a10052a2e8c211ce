package io.klaxon.detect.hosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The settings' defaults are the issue's, and every field out of range is named. */
class HostSettingsTest {

  @Test
  void defaults_areThoseOfTheIssue() {
    HostSettings defaults = HostSettings.defaults();

    assertThat(defaults.cpu()).isEqualTo(new HostSettings.Thresholds(85, 95, 3));
    assertThat(defaults.memory()).isEqualTo(new HostSettings.Thresholds(85, 95, 3));
    assertThat(defaults.disk()).isEqualTo(new HostSettings.Thresholds(80, 95, 1));
    assertThat(defaults.autoResolveSamples()).isEqualTo(2);
    assertThat(defaults.coolDown()).isEqualTo(Duration.ofMinutes(15));
    assertThat(defaults.offlineAfter()).isEqualTo(Duration.ofSeconds(180));
    assertThat(defaults.autoRegister()).isTrue();
  }

  @Test
  void everyFieldOutOfRange_isNamed() {
    assertThatThrownBy(
            () ->
                new HostSettings(
                    new HostSettings.Thresholds(0, 95, 3),
                    new HostSettings.Thresholds(90, 90, 0),
                    new HostSettings.Thresholds(80, 101, 1),
                    0,
                    -1,
                    5,
                    3601,
                    true))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .extracting(InvalidInput.FieldError::field)
                    .containsExactly(
                        "cpu.high",
                        "memory.critical",
                        "memory.consecutive",
                        "disk.critical",
                        "autoResolveSamples",
                        "coolDownSeconds",
                        "offlineAfterSeconds",
                        "maxClockSkewSeconds"));
  }

  @Test
  void aSignalUpToTheSkewAhead_isAccepted_beyondIsRefused() {
    HostSettings settings = HostSettings.defaults();
    Instant now = Instant.parse("2025-03-01T09:00:00Z");

    assertThat(settings.refuseObservedAt(now.plusSeconds(30), now)).isEmpty();
    assertThat(settings.refuseObservedAt(now.plusSeconds(31), now))
        .get()
        .asString()
        .contains("future");
  }
}
