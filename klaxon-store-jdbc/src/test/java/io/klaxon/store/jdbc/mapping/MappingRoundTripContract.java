package io.klaxon.store.jdbc.mapping;

import static io.klaxon.store.jdbc.mapping.MappingFixture.draft;
import static io.klaxon.store.jdbc.mapping.MappingFixture.matchResult;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.mapping.Edit;
import io.klaxon.mapping.MappingDraft;
import io.klaxon.mapping.MappingQuery;
import io.klaxon.mapping.MappingRegistry;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.OutcomeMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mappings come back as they were written, are listed and filtered, and resolve at once. */
interface MappingRoundTripContract extends MappingFixture {

  @Test
  default void aCreatedMapping_readsBackWithEveryField() {
    MarketMapping created = registry().create(matchResult(), ALICE);

    MarketMapping read = store().findById(created.id()).orElseThrow();
    assertThat(read).isEqualTo(created);
    assertThat(read.id()).isPositive();
    assertThat(read.canonicalId()).isEqualTo("1X2_FT");
    assertThat(read.sourceIds())
        .containsExactly(Map.entry("betpawa", "3743"), Map.entry("sportybet", "1"));
    assertThat(read.outcomeMapping())
        .containsExactly(new OutcomeMapping("1", Map.of("betpawa", "1", "sportybet", "Home")));
    assertThat(read.active()).isTrue();
    assertThat(read.createdAt()).isEqualTo(T0);
    assertThat(read.updatedAt()).isEqualTo(T0);
    assertThat(read.createdBy()).isEqualTo("alice");
  }

  @Test
  default void theList_filtersByActiveSourceAndText_ordersByPriority_andCountsTheTotal() {
    MarketMapping ou = registry().create(draft("OU_2.5", Map.of("bet9ja", "S_OU@2.5")), ALICE);
    registry()
        .create(
            new MappingDraft(
                "BTTS", "Both teams to score", Map.of("sportybet", "29"), List.of(), 5),
            ALICE);
    registry().create(matchResult(), ALICE);
    registry().deactivate(ou.id(), ALICE);

    assertThat(canonicalIds(new MappingQuery(null, Set.of(), null, 50, 0)))
        .containsExactly("BTTS", "1X2_FT", "OU_2.5");
    assertThat(canonicalIds(new MappingQuery(true, Set.of(), null, 50, 0)))
        .containsExactly("BTTS", "1X2_FT");
    assertThat(canonicalIds(new MappingQuery(false, Set.of(), null, 50, 0)))
        .containsExactly("OU_2.5");
    assertThat(canonicalIds(new MappingQuery(null, Set.of("SportyBet"), null, 50, 0)))
        .containsExactly("BTTS", "1X2_FT");
    assertThat(canonicalIds(new MappingQuery(null, Set.of("bet9ja", "betpawa"), null, 50, 0)))
        .containsExactly("1X2_FT", "OU_2.5");
    assertThat(canonicalIds(new MappingQuery(null, Set.of(), "teams", 50, 0)))
        .containsExactly("BTTS");
    assertThat(canonicalIds(new MappingQuery(null, Set.of(), "_2.", 50, 0)))
        .containsExactly("OU_2.5");

    var page = store().find(new MappingQuery(null, Set.of(), null, 1, 1));
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.mappings()).extracting(MarketMapping::canonicalId).containsExactly("1X2_FT");
  }

  @Test
  default void resolve_answersFromMemory_andFollowsEveryChange() {
    assertThat(registry().resolve("sportybet", "1")).isEmpty();
    MarketMapping created = registry().create(matchResult(), ALICE);
    assertThat(registry().resolve("SportyBet", "1")).contains(created);

    MarketMapping updated =
        registry().update(created.id(), draft("1X2_FT", Map.of("sportybet", "2")), ALICE);
    assertThat(registry().resolve("sportybet", "1")).isEmpty();
    assertThat(registry().resolve("betpawa", "3743")).isEmpty();
    assertThat(registry().resolve("sportybet", "2")).contains(updated);

    registry().delete(created.id(), ALICE);
    assertThat(registry().resolve("sportybet", "2")).isEmpty();
    MarketMapping back = registry().activate(created.id(), ALICE);
    assertThat(registry().resolve("sportybet", "2")).contains(back);
    assertThat(registry().resolvableIds()).isEqualTo(1);
  }

  @Test
  default void anotherInstanceOnTheSameDatabase_seesChangesAfterARefresh() {
    MappingRegistry other = MappingRegistry.open(store(), clock());
    assertThat(other.refresh()).isFalse();

    MarketMapping created = registry().create(matchResult(), ALICE);
    assertThat(other.resolve("betpawa", "3743")).isEmpty();
    assertThat(other.refresh()).isTrue();
    assertThat(other.resolve("betpawa", "3743")).contains(created);
    assertThat(other.refresh()).isFalse();
  }

  @Test
  default void export_listsEveryMapping_activeOrNot_byCanonicalId() {
    MarketMapping b = registry().create(draft("B", Map.of("x", "1")), ALICE);
    registry().create(draft("A", Map.of()), ALICE);
    clock().advance(Duration.ofSeconds(1));
    registry().deactivate(b.id(), new Edit(Actor.of("bob"), null));

    assertThat(store().all()).extracting(MarketMapping::canonicalId).containsExactly("A", "B");
    assertThat(store().all().get(1).active()).isFalse();
    assertThat(store().all().get(1).updatedAt()).isEqualTo(T0.plusSeconds(1));
  }

  private List<String> canonicalIds(MappingQuery query) {
    return store().find(query).mappings().stream().map(MarketMapping::canonicalId).toList();
  }
}
