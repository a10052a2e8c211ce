package io.klaxon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every field of a query has a builder, and the builders keep what was set before. */
class AlertQueryTest {

  private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-03-03T00:00:00Z");

  @Test
  void builders_setEachField_andKeepTheOthers() {
    AlertQuery query =
        AlertQuery.all()
            .withStatuses(Set.of(AlertStatus.OPEN))
            .withSeverities(Set.of(Severity.HIGH))
            .withTypes(Set.of("take_profit"))
            .withSources(Set.of("decisions"))
            .withSubject("strategy", "IC")
            .withDetectedBetween(MONDAY, TUESDAY)
            .withText("SPY")
            .withAttributes(Map.of("symbol", "SPY"))
            .withSort(AlertSort.DETECTED_AT_DESC)
            .withLimit(10)
            .withOffset(20);

    assertThat(query)
        .isEqualTo(
            new AlertQuery(
                Set.of(AlertStatus.OPEN),
                Set.of(Severity.HIGH),
                Set.of("take_profit"),
                Set.of("decisions"),
                "strategy",
                "IC",
                MONDAY,
                TUESDAY,
                "SPY",
                Map.of("symbol", "SPY"),
                AlertSort.DETECTED_AT_DESC,
                10,
                20));
    assertThat(AlertQuery.all().withDetectedAfter(MONDAY).from()).isEqualTo(MONDAY);
  }

  @Test
  void withLimit_outOfRange_isRefusedNamingLimit() {
    assertThatThrownBy(() -> AlertQuery.all().withLimit(0))
        .isInstanceOfSatisfying(
            InvalidInput.class, e -> assertThat(e.errors().getFirst().field()).isEqualTo("limit"));
  }
}
