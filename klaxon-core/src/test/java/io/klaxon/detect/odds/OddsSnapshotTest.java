package io.klaxon.detect.odds;

import static io.klaxon.detect.odds.Prices.KICKOFF;
import static io.klaxon.detect.odds.Prices.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A snapshot checks itself, naming every bad field as the ingest API reports it. */
class OddsSnapshotTest {

  private static OddsSnapshot snapshot(
      @Nullable Instant kickoff, String bookmaker, String marketId, String outcome, double odds) {
    return new OddsSnapshot(
        "e1", null, kickoff, bookmaker, marketId, "Match result", null, outcome, odds, T0);
  }

  private static InvalidInput refusal(Runnable make) {
    try {
      make.run();
    } catch (InvalidInput refused) {
      return refused;
    }
    throw new AssertionError("expected an InvalidInput");
  }

  @Test
  void aValidSnapshot_isAvailableByDefault_andItsBookmakerLowercased() {
    OddsSnapshot snapshot = snapshot(KICKOFF, "BetPawa", "bp-1x2", "1", 1.01);

    assertThat(snapshot.available()).isTrue();
    assertThat(snapshot.bookmaker()).isEqualTo("betpawa");
    assertThat(snapshot.eventName()).isNull();
    assertThat(snapshot.suspended().available()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(doubles = {1.0, 0.5, 0, -2, Double.NaN, Double.POSITIVE_INFINITY})
  void oddsNotAbove1_areRefused(double odds) {
    assertThatThrownBy(() -> snapshot(KICKOFF, "betpawa", "bp-1x2", "1", odds))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("odds"));
  }

  @Test
  void everyBadField_isNamed() {
    InvalidInput refused = refusal(() -> snapshot(null, " ", "", "", 1.0));

    assertThat(refused.errors())
        .extracting(FieldError::field)
        .containsExactly("kickoff", "bookmaker", "marketId", "outcome", "odds");
  }

  @Test
  void aBookmakerTheRegistryCouldNotName_isRefused() {
    assertThat(refusal(() -> snapshot(KICKOFF, "bet pawa!", "bp-1x2", "1", 2)).errors())
        .extracting(FieldError::field)
        .containsExactly("bookmaker");
  }

  @Test
  void aMarketIdLongerThanTheUnmappedLogKeeps_isRefused() {
    assertThat(refusal(() -> snapshot(KICKOFF, "betpawa", "m".repeat(101), "1", 2)).errors())
        .extracting(FieldError::field)
        .containsExactly("marketId");
  }

  @Test
  void aLineMustBeFinite_andObservedAtIsRequired() {
    InvalidInput refused =
        refusal(
            () ->
                new OddsSnapshot(
                    "e1",
                    "x",
                    KICKOFF,
                    "betpawa",
                    "bp-ou",
                    "Total",
                    Double.NaN,
                    "Over",
                    2,
                    true,
                    null));

    assertThat(refused.errors())
        .extracting(FieldError::field)
        .containsExactly("line", "observedAt");
  }
}
