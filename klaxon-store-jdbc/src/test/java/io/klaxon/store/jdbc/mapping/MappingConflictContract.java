package io.klaxon.store.jdbc.mapping;

import static io.klaxon.store.jdbc.mapping.MappingFixture.draft;
import static io.klaxon.store.jdbc.mapping.MappingFixture.matchResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.mapping.MarketMapping;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * One active mapping per (source, external id), one mapping per canonical id; refusals write
 * nothing.
 */
interface MappingConflictContract extends MappingFixture {

  @Test
  default void aSourceIdHeldByAnActiveMapping_isRefusedNamingTheClash_andNothingIsWritten() {
    MarketMapping held = registry().create(matchResult(), ALICE);
    List<Long> before = footprint();

    assertThatThrownBy(() -> registry().create(draft("OTHER", Map.of("sportybet", "1")), ALICE))
        .isInstanceOfSatisfying(
            Conflict.class,
            conflict -> {
              assertThat(conflict.field()).isEqualTo("sourceIds.sportybet");
              assertThat(conflict.getMessage()).contains("'1'", "'1X2_FT'", "id " + held.id());
            });
    assertThat(footprint()).isEqualTo(before);
    assertThat(registry().resolve("sportybet", "1")).contains(held);
  }

  @Test
  default void anInactiveMappingsSourceId_isFree_butActivatingItAgainClashes() {
    MarketMapping old = registry().create(matchResult(), ALICE);
    registry().delete(old.id(), ALICE);
    MarketMapping replacement =
        registry().create(draft("1X2_NEW", Map.of("sportybet", "1")), ALICE);
    List<Long> before = footprint();

    assertThatThrownBy(() -> registry().activate(old.id(), ALICE))
        .isInstanceOfSatisfying(
            Conflict.class,
            conflict -> assertThat(conflict.field()).isEqualTo("sourceIds.sportybet"));
    assertThat(footprint()).isEqualTo(before);
    assertThat(store().findById(old.id()).orElseThrow().active()).isFalse();
    assertThat(registry().resolve("sportybet", "1")).contains(replacement);
  }

  @Test
  default void aTakenCanonicalId_isRefused_onCreateAndOnUpdate_activeOrNot() {
    MarketMapping first = registry().create(matchResult(), ALICE);
    registry().deactivate(first.id(), ALICE);
    MarketMapping second = registry().create(draft("OU", Map.of()), ALICE);
    List<Long> before = footprint();

    assertThatThrownBy(() -> registry().create(draft("1X2_FT", Map.of()), ALICE))
        .isInstanceOfSatisfying(
            Conflict.class,
            conflict -> {
              assertThat(conflict.field()).isEqualTo("canonicalId");
              assertThat(conflict.getMessage()).contains("inactive mapping " + first.id());
            });
    assertThatThrownBy(() -> registry().update(second.id(), draft("1X2_FT", Map.of()), ALICE))
        .isInstanceOf(Conflict.class);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  default void aMappingKeepsItsOwnSourceIds_whenItIsUpdated() {
    MarketMapping mapping = registry().create(matchResult(), ALICE);
    MarketMapping renamed =
        registry().update(mapping.id(), draft("1X2_FULL_TIME", mapping.sourceIds()), ALICE);
    assertThat(renamed.sourceIds()).isEqualTo(mapping.sourceIds());
    assertThat(renamed.canonicalId()).isEqualTo("1X2_FULL_TIME");
  }

  @Test
  default void theDatabaseItself_refusesTwoActiveHoldersOfOneSourceId() {
    MarketMapping held = registry().create(matchResult(), ALICE);
    MarketMapping other = registry().create(draft("OTHER", Map.of()), ALICE);

    assertThatThrownBy(
            () ->
                execute(
                    "insert into mapping_source_ids (mapping_id, source, external_id, active)"
                        + " values (?, 'sportybet', '1', ?)",
                    other.id(),
                    true))
        .hasMessageContaining("mapping_source_ids");
    // Inactive rows may share it: the index is partial.
    execute(
        "insert into mapping_source_ids (mapping_id, source, external_id, active)"
            + " values (?, 'sportybet', '1', ?)",
        other.id(),
        false);
    assertThat(held.id()).isNotEqualTo(other.id());
  }

  @Test
  default void changesOfAnUnknownMapping_areNotFound_andWriteNothing() {
    List<Long> before = footprint();
    assertThatThrownBy(() -> registry().update(999, matchResult(), ALICE))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> registry().delete(999, ALICE)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> registry().activate(999, ALICE)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> registry().deactivate(999, ALICE)).isInstanceOf(NotFound.class);
    assertThat(footprint()).isEqualTo(before);
  }

  @Test
  default void concurrentCreatesOfOneSourceId_letExactlyOneWin() throws Exception {
    int writers = 6;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Callable<Boolean>> creates = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        String canonicalId = "RACE_" + i;
        creates.add(
            () -> {
              try {
                registry().create(draft(canonicalId, Map.of("sportybet", "77")), ALICE);
                return true;
              } catch (Conflict e) {
                return false;
              }
            });
      }
      long winners = 0;
      for (Future<Boolean> outcome : pool.invokeAll(creates)) {
        winners += outcome.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      assertThat(rows("market_mappings")).isEqualTo(1);
      assertThat(rows("mapping_audit_log")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
