package io.klaxon.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingDraftTest {

  @Test
  void aDraft_isStrippedAndItsSourceNamesLowercased() {
    MappingDraft draft =
        MappingDraft.of(
            " 1X2_FT ",
            " Match result ",
            Map.of("SportyBet", " 1 ", "betpawa", "3743"),
            List.of(new OutcomeMapping(" 1 ", Map.of("SPORTYBET", " Home "))),
            null);

    assertThat(draft.canonicalId()).isEqualTo("1X2_FT");
    assertThat(draft.name()).isEqualTo("Match result");
    assertThat(draft.sourceIds())
        .containsExactly(Map.entry("betpawa", "3743"), Map.entry("sportybet", "1"));
    assertThat(draft.outcomeMapping())
        .containsExactly(new OutcomeMapping("1", Map.of("sportybet", "Home")));
    assertThat(draft.priority()).isZero();
  }

  @Test
  void aBadDraft_isRefusedNamingEveryBadField() {
    Map<String, String> ids = new HashMap<>();
    ids.put("sportybet", null);
    ids.put("bad source", "1");
    ids.put("betpawa", "x".repeat(MappingLimits.EXTERNAL_ID + 1));
    List<OutcomeMapping> outcomes =
        Arrays.asList(
            new OutcomeMapping("1", Map.of()),
            new OutcomeMapping("1", Map.of()),
            new OutcomeMapping(" ", Map.of("bet9ja", " ")),
            null);

    assertThatThrownBy(() -> MappingDraft.of(null, "n".repeat(256), ids, outcomes, 1))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder(
                        "canonicalId",
                        "name",
                        "sourceIds.sportybet",
                        "sourceIds.bad source",
                        "sourceIds.betpawa",
                        "outcomeMapping[1].canonical",
                        "outcomeMapping[2].canonical",
                        "outcomeMapping[2].sources.bet9ja",
                        "outcomeMapping[3]"));
  }

  @Test
  void aSourceGivenTwiceInDifferentCase_isRefused() {
    assertThatThrownBy(
            () -> MappingDraft.of("A", "a", Map.of("Bet9ja", "1", "bet9ja", "2"), null, null))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> assertThat(invalid.getMessage()).contains("given twice"));
  }

  @Test
  void seedWords_areReadInAnyCase_andOthersRefusedNamingTheField() {
    assertThat(AuditAction.parse("deactivate")).isEqualTo(AuditAction.DEACTIVATE);
    assertThat(UnmappedStatus.parse(" Ignored ")).isEqualTo(UnmappedStatus.IGNORED);
    assertThatThrownBy(() -> UnmappedStatus.parse("open"))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid -> {
              assertThat(invalid.errors().getFirst().field()).isEqualTo("status");
              assertThat(invalid.getMessage()).contains("NEW, ACKNOWLEDGED, MAPPED, IGNORED");
            });
    assertThat(UnmappedSort.parse("-lastSeenAt")).isEqualTo(UnmappedSort.LAST_SEEN_AT_DESC);
  }

  @Test
  void pagesOutOfRange_areRefusedNamingLimitAndOffset() {
    assertThatThrownBy(() -> new MappingQuery(null, java.util.Set.of(), null, 1001, -1))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            invalid ->
                assertThat(invalid.errors())
                    .extracting(FieldError::field)
                    .containsExactly("limit", "offset"));
  }
}
