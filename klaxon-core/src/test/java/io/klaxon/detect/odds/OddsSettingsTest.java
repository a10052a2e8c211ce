package io.klaxon.detect.odds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The settings of seed 000: defaults, and a bad value refused naming its field. */
class OddsSettingsTest {

  @Test
  void defaults_areSeed000s() {
    OddsSettings settings = OddsSettings.defaults("BetPawa");

    assertThat(settings).isEqualTo(new OddsSettings(true, 7.0, 10.0, 15.0, 7, 60, "betpawa"));
    assertThat(settings.lookback()).isEqualTo(Duration.ofMinutes(60));
  }

  @ParameterizedTest(name = "{0} {1} {2} retention {3} look-back {4} house ''{5}'' → {6}")
  @CsvSource(
      textBlock =
          """
          # warning, elevated, critical, retention, look-back, house, refused field
          0,     10,   15,   7,    60,   betpawa, thresholdWarning
          -1,    10,   15,   7,    60,   betpawa, thresholdWarning
          10,    10,   15,   7,    60,   betpawa, thresholdElevated
          12,    10,   15,   7,    60,   betpawa, thresholdElevated
          7,     10,   10,   7,    60,   betpawa, thresholdCritical
          7,     10,   9,    7,    60,   betpawa, thresholdCritical
          7,     10,   15,   0,    60,   betpawa, retentionDays
          7,     10,   15,   7,    0,    betpawa, lookbackMinutes
          7,     10,   15,   7,    1441, betpawa, lookbackMinutes
          7,     10,   15,   7,    60,   ' ',     houseBookmaker
          """)
  void aBadValue_isRefused_namingItsField(
      double warning,
      double elevated,
      double critical,
      int retention,
      int lookback,
      String house,
      String field) {
    assertThatThrownBy(
            () -> new OddsSettings(true, warning, elevated, critical, retention, lookback, house))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly(field));
  }

  @Test
  void theEdgesOfTheRanges_areAccepted() {
    assertThat(new OddsSettings(true, 0.01, 0.02, 0.03, 1, 1, "b").lookbackMinutes()).isOne();
    assertThat(new OddsSettings(true, 7, 10, 15, 1, 1440, "b").lookbackMinutes()).isEqualTo(1440);
  }

  @Test
  void everyBadField_isNamedAtOnce() {
    assertThatThrownBy(() -> new OddsSettings(true, 0, 0, 0, 0, 0, ""))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "thresholdWarning",
                        "thresholdElevated",
                        "thresholdCritical",
                        "retentionDays",
                        "lookbackMinutes",
                        "houseBookmaker"));
  }
}
