package io.klaxon.store.jdbc.mapping;

import static io.klaxon.store.jdbc.mapping.MappingFixture.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.mapping.AuditAction;
import io.klaxon.mapping.MappedMarket;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.UnmappedMarket;
import io.klaxon.mapping.UnmappedPatch;
import io.klaxon.mapping.UnmappedQuery;
import io.klaxon.mapping.UnmappedSighting;
import io.klaxon.mapping.UnmappedSort;
import io.klaxon.mapping.UnmappedStatus;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Unmapped markets are counted by upsert, triaged, and mapped in one transaction. */
interface UnmappedContract extends MappingFixture {

  static UnmappedSighting seen(String source, String id, Instant at, String... outcomes) {
    return UnmappedSighting.of(source, id, "Market " + id, List.of(outcomes), at);
  }

  default UnmappedMarket only(String source, String id) {
    return store()
        .findUnmapped(
            new UnmappedQuery(Set.of(source), Set.of(), UnmappedSort.OCCURRENCES_DESC, 1000, 0))
        .markets()
        .stream()
        .filter(market -> market.externalMarketId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  @Test
  default void aFirstSightingIsLoggedNew_andRepeatsCountAndMoveLastSeen() {
    store().recordUnmapped(List.of(seen("sportybet", "18", T0, "Over", "Under")));
    store()
        .recordUnmapped(
            List.of(
                new UnmappedSighting(
                    "sportybet", "18", null, List.of(), 4, T0.plusSeconds(5), T0.plusSeconds(60)),
                seen("sportybet", "18", T0.minusSeconds(30))));

    UnmappedMarket market = only("sportybet", "18");
    assertThat(market.occurrenceCount()).isEqualTo(6);
    assertThat(market.firstSeenAt()).isEqualTo(T0.minusSeconds(30));
    assertThat(market.lastSeenAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(market.status()).isEqualTo(UnmappedStatus.NEW);
    assertThat(market.marketName()).isEqualTo("Market 18");
    assertThat(market.sampleOutcomes()).containsExactly("Over", "Under");
    assertThat(store().findUnmapped(market.id())).contains(market);
  }

  @Test
  default void concurrentRecordings_neverLoseACount() throws Exception {
    int threads = 6;
    int calls = 20;
    List<String> ids = List.of("a", "b", "c", "d");
    Thread[] writers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int offset = t;
      writers[t] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int call = 0; call < calls; call++) {
                      // Each call a batch of every market, in an order of its own.
                      List<UnmappedSighting> batch = new ArrayList<>();
                      Instant at = T0.plusMillis(offset * 1000L + call);
                      for (int i = 0; i < ids.size(); i++) {
                        batch.add(seen("bet9ja", ids.get((i + offset + call) % ids.size()), at));
                      }
                      store().recordUnmapped(batch);
                    }
                  });
    }
    for (Thread writer : writers) {
      writer.join();
    }
    for (String id : ids) {
      UnmappedMarket market = only("bet9ja", id);
      assertThat(market.occurrenceCount()).as(id).isEqualTo((long) threads * calls);
      assertThat(market.lastSeenAt()).isEqualTo(T0.plusMillis((threads - 1) * 1000L + calls - 1));
    }
  }

  @Test
  default void theRegistryBuffersSightings_andWritesThemMergedOnFlush() {
    for (int i = 0; i < 100; i++) {
      registry().recordUnmapped(seen("sportybet", "77", T0.plusSeconds(i)));
    }
    assertThat(rows("unmapped_markets")).isZero();
    assertThat(registry().flushUnmapped()).isEqualTo(1);
    assertThat(only("sportybet", "77").occurrenceCount()).isEqualTo(100);
    assertThat(registry().flushUnmapped()).isZero();
  }

  @Test
  default void theList_filtersBySourceAndStatus_andSortsByOccurrencesOrLastSeen() {
    store()
        .recordUnmapped(
            List.of(
                new UnmappedSighting(
                    "sportybet", "rare", null, List.of(), 1, T0, T0.plusSeconds(90)),
                new UnmappedSighting("sportybet", "often", null, List.of(), 50, T0, T0),
                new UnmappedSighting(
                    "bet9ja", "mid", null, List.of(), 10, T0, T0.plusSeconds(30))));
    long often = only("sportybet", "often").id();
    store().updateUnmapped(often, new UnmappedPatch(UnmappedStatus.IGNORED, null));

    assertThat(ids(UnmappedQuery.all())).containsExactly("often", "mid", "rare");
    assertThat(ids(new UnmappedQuery(Set.of(), Set.of(), UnmappedSort.LAST_SEEN_AT_DESC, 50, 0)))
        .containsExactly("rare", "mid", "often");
    assertThat(ids(new UnmappedQuery(Set.of(), Set.of(), UnmappedSort.OCCURRENCES_ASC, 50, 0)))
        .containsExactly("rare", "mid", "often");
    assertThat(
            ids(
                new UnmappedQuery(
                    Set.of("SPORTYBET"),
                    Set.of(UnmappedStatus.NEW),
                    UnmappedSort.OCCURRENCES_DESC,
                    50,
                    0)))
        .containsExactly("rare");
    var page =
        store()
            .findUnmapped(
                new UnmappedQuery(Set.of(), Set.of(), UnmappedSort.OCCURRENCES_DESC, 1, 1));
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.markets()).extracting(UnmappedMarket::externalMarketId).containsExactly("mid");
  }

  @Test
  default void aPatch_changesStatusAndNotes_andAnUnknownIdIsNotFound() {
    store().recordUnmapped(List.of(seen("sportybet", "5", T0)));
    long id = only("sportybet", "5").id();

    UnmappedMarket noted = store().updateUnmapped(id, new UnmappedPatch(null, "asked the trader"));
    assertThat(noted.notes()).isEqualTo("asked the trader");
    assertThat(noted.status()).isEqualTo(UnmappedStatus.NEW);
    UnmappedMarket acknowledged =
        store().updateUnmapped(id, new UnmappedPatch(UnmappedStatus.ACKNOWLEDGED, ""));
    assertThat(acknowledged.status()).isEqualTo(UnmappedStatus.ACKNOWLEDGED);
    assertThat(acknowledged.notes()).isNull();
    assertThatThrownBy(
            () ->
                store().updateUnmapped(id + 1000, new UnmappedPatch(UnmappedStatus.IGNORED, null)))
        .isInstanceOf(NotFound.class);
  }

  @Test
  default void mappingToANewMapping_createsItMarksTheMarketMappedAndAudits() {
    store().recordUnmapped(List.of(seen("SportyBet", "18", T0)));
    long id = only("sportybet", "18").id();

    MappedMarket mapped = registry().mapToNew(id, "OU_2.5", null, null, 4, ALICE);

    assertThat(mapped.created()).isTrue();
    assertThat(mapped.mapping().sourceIds()).isEqualTo(Map.of("sportybet", "18"));
    assertThat(mapped.mapping().name()).isEqualTo("Market 18");
    assertThat(mapped.market().status()).isEqualTo(UnmappedStatus.MAPPED);
    assertThat(mapped.market().mappingId()).isEqualTo(mapped.mapping().id());
    assertThat(registry().resolve("sportybet", "18")).contains(mapped.mapping());
    assertThat(store().auditOf(mapped.mapping().id()))
        .singleElement()
        .satisfies(entry -> assertThat(entry.action()).isEqualTo(AuditAction.CREATE));
  }

  @Test
  default void mappingToAnExistingMapping_addsTheSourceId_andAFailedMapWritesNothing() {
    MarketMapping target = registry().create(draft("OU", Map.of("betpawa", "9")), ALICE);
    registry().create(draft("TAKEN", Map.of("bet9ja", "x")), ALICE);
    store().recordUnmapped(List.of(seen("sportybet", "18", T0), seen("bet9ja", "x", T0)));
    long free = only("sportybet", "18").id();
    long held = only("bet9ja", "x").id();
    List<Long> before = footprint();

    assertThatThrownBy(() -> registry().mapToNew(held, "NEW", "n", null, null, ALICE))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.field()).isEqualTo("sourceIds.bet9ja"));
    assertThatThrownBy(() -> registry().mapToNew(free, "TAKEN", "n", null, null, ALICE))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.field()).isEqualTo("canonicalId"));
    assertThatThrownBy(() -> registry().mapToExisting(free, 999, ALICE))
        .isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> registry().mapToExisting(999, target.id(), ALICE))
        .isInstanceOf(NotFound.class);
    assertThat(footprint()).isEqualTo(before);
    assertThat(only("sportybet", "18").status()).isEqualTo(UnmappedStatus.NEW);

    MappedMarket mapped = registry().mapToExisting(free, target.id(), ALICE);
    assertThat(mapped.created()).isFalse();
    assertThat(mapped.mapping().sourceIds()).isEqualTo(Map.of("betpawa", "9", "sportybet", "18"));
    assertThat(mapped.market().status()).isEqualTo(UnmappedStatus.MAPPED);
    assertThat(store().auditOf(target.id()))
        .extracting(e -> e.action())
        .containsExactly(AuditAction.CREATE, AuditAction.UPDATE);
    assertThat(registry().mapToExisting(free, target.id(), ALICE).mapping())
        .isEqualTo(mapped.mapping());
    assertThat(store().auditOf(target.id())).hasSize(2);
  }

  private List<String> ids(UnmappedQuery query) {
    return store().findUnmapped(query).markets().stream()
        .map(UnmappedMarket::externalMarketId)
        .toList();
  }
}
