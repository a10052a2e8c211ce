package io.klaxon.detect.odds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fingerprint shape: readable, and distinct for distinct series. */
class OddsFingerprintTest {

  @Test
  void shape() {
    assertThat(
            OddsFingerprint.of("e1", "price_change", new SeriesKey("1x2", null, "1", true), "bp"))
        .isEqualTo("odds|event/e1|price_change/1x2/-/1");
    assertThat(OddsFingerprint.of("e1", "availability", new SeriesKey("ah", -1.0, "2", true), "bp"))
        .isEqualTo("odds|event/e1|availability/ah/-1/2");
    assertThat(
            OddsFingerprint.of("e1", "price_change", new SeriesKey("c", 9.5, "Over", false), "bp"))
        .isEqualTo("odds|event/e1|price_change/~bp:c/9.5/Over");
  }

  @Test
  void separatorsInsideTheParts_areEscaped_soSeriesDoNotMerge() {
    String slashInMarket =
        OddsFingerprint.of("e1", "price_change", new SeriesKey("a/b", null, "c", true), "bp");
    String slashInOutcome =
        OddsFingerprint.of("e1", "price_change", new SeriesKey("a", null, "b/c", true), "bp");
    String canonicalLikeUnmapped =
        OddsFingerprint.of("e1", "price_change", new SeriesKey("~bp:c", null, "1", true), "bp");
    String unmapped =
        OddsFingerprint.of("e1", "price_change", new SeriesKey("c", null, "1", false), "bp");

    assertThat(slashInMarket).isEqualTo("odds|event/e1|price_change/a%252Fb/-/c");
    assertThat(slashInMarket).isNotEqualTo(slashInOutcome);
    assertThat(canonicalLikeUnmapped).isNotEqualTo(unmapped);
  }

  @Test
  void zeroAndMinusZero_areOneLine() {
    assertThat(new SeriesKey("ah", -0.0, "1", true)).isEqualTo(new SeriesKey("ah", 0.0, "1", true));
  }
}
