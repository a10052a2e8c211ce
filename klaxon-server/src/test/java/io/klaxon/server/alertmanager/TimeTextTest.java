package io.klaxon.server.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** A remembered conversion answers exactly as the conversion it stands for. */
class TimeTextTest {

  private final TimeText conversion = new TimeText();

  @Test
  void formattingAnswersAsToStringForRepeatedAndNewTimes() {
    Instant first = Instant.parse("2026-12-06T06:00:00Z");
    Instant second = Instant.parse("2026-12-06T06:00:00.123456789Z");

    assertThat(conversion.format(first)).isEqualTo(first.toString());
    assertThat(conversion.format(first)).isEqualTo("2026-12-06T06:00:00Z");
    assertThat(conversion.format(second)).isEqualTo("2026-12-06T06:00:00.123456789Z");
    assertThat(conversion.format(first)).isEqualTo("2026-12-06T06:00:00Z");
  }

  @Test
  void rfc3339TimesWithOffsetsAreReadAsTheSameInstant() {
    assertThat(conversion.parseRfc3339("2026-11-23T07:00:00+01:00"))
        .isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
    assertThat(conversion.parseRfc3339("2026-11-23T07:00:00+01:00"))
        .isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
    assertThat(conversion.parseRfc3339("2026-11-23T06:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
  }

  @Test
  void aBadTextFailsEvenRightAfterAGoodOne() {
    conversion.parseInstant("2026-11-23T06:00:00Z");

    assertThatThrownBy(() -> conversion.parseInstant("yesterday"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> conversion.parseRfc3339("2026-11-23 06:00"))
        .isInstanceOf(DateTimeParseException.class);
    assertThat(conversion.parseInstant("2026-11-23T06:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
  }
}
