package io.klaxon.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnmappedSightingTest {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void merging_addsCounts_widensTimes_andKeepsTheLatestNames() {
    UnmappedSighting early =
        new UnmappedSighting(
            "sportybet", "18", "Over/Under", List.of("Over"), 3, T0, T0.plusSeconds(10));
    UnmappedSighting late =
        new UnmappedSighting(
            "SportyBet", "18", null, List.of(), 2, T0.minusSeconds(5), T0.plusSeconds(20));

    UnmappedSighting merged = late.merge(early);

    assertThat(merged.occurrences()).isEqualTo(5);
    assertThat(merged.firstSeenAt()).isEqualTo(T0.minusSeconds(5));
    assertThat(merged.lastSeenAt()).isEqualTo(T0.plusSeconds(20));
    assertThat(merged.marketName()).isEqualTo("Over/Under");
    assertThat(merged.sampleOutcomes()).containsExactly("Over");
    assertThat(merged.source()).isEqualTo("sportybet");
  }

  @Test
  void sightingsOfDifferentMarkets_doNotMerge() {
    assertThatThrownBy(
            () ->
                UnmappedSighting.of("a", "1", null, List.of(), T0)
                    .merge(UnmappedSighting.of("a", "2", null, List.of(), T0)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBadSighting_isRefusedNamingEveryBadField() {
    assertThatThrownBy(
            () ->
                new UnmappedSighting(
                    "no spaces", " ", null, List.of("Home", " "), 0, T0, T0.minusSeconds(1)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(FieldError::field)
                    .containsExactly(
                        "source",
                        "externalMarketId",
                        "sampleOutcomes[1]",
                        "occurrences",
                        "lastSeenAt"));
  }
}
