package io.klaxon.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.klaxon.access.Actor;
import io.klaxon.engine.FakeClock;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.Unavailable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MappingRegistryTest {

  static final Edit ALICE = new Edit(Actor.of("alice"), null);

  InMemoryMappingStore store;
  FakeClock clock;
  MappingRegistry registry;

  @BeforeEach
  void open() {
    store = new InMemoryMappingStore();
    clock = new FakeClock(Instant.parse("2026-03-01T12:00:00.123456789Z"));
    registry = MappingRegistry.open(store, clock);
  }

  static MappingDraft draft(String canonicalId, Map<String, String> ids) {
    return MappingDraft.of(canonicalId, "Market " + canonicalId, ids, null, null);
  }

  @Test
  void lookups_areServedFromMemory_andReloadedOncePerWrite() {
    MarketMapping created = registry.create(draft("1X2", Map.of("sportybet", "1")), ALICE);
    int loads = store.loads();

    for (int i = 0; i < 1000; i++) {
      assertThat(registry.resolve("sportybet", "1")).contains(created);
      assertThat(registry.resolve(" SPORTYBET ", " 1 ")).contains(created);
      assertThat(registry.resolve("betpawa", "1")).isEmpty();
    }
    assertThat(store.loads()).isEqualTo(loads);
    registry.deactivate(created.id(), ALICE);
    assertThat(store.loads()).isEqualTo(loads + 1);
    assertThat(registry.resolve("sportybet", "1")).isEmpty();
  }

  @Test
  void timesAreKeptToTheMicrosecond_asTheStoresKeepThem() {
    MarketMapping created = registry.create(draft("1X2", Map.of()), ALICE);
    assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-01T12:00:00.123456Z"));
  }

  @Test
  void refresh_reloadsOnlyWhenTheStoreChangedElsewhere() {
    int loads = store.loads();
    assertThat(registry.refresh()).isFalse();
    store.bumpRevision();
    assertThat(registry.refresh()).isTrue();
    assertThat(registry.refresh()).isFalse();
    assertThat(store.loads()).isEqualTo(loads + 1);
  }

  @Test
  void aRefusedChange_writesNothing_andLeavesTheLookupsAsTheyWere() {
    MarketMapping held = registry.create(draft("1X2", Map.of("sportybet", "1")), ALICE);
    MarketMapping other = registry.create(draft("OU", Map.of("sportybet", "2")), ALICE);

    assertThatThrownBy(
            () -> registry.update(other.id(), draft("OU", Map.of("sportybet", "1")), ALICE))
        .isInstanceOfSatisfying(
            Conflict.class, c -> assertThat(c.field()).isEqualTo("sourceIds.sportybet"));
    assertThat(store.auditOf(other.id())).hasSize(1);
    assertThat(registry.resolve("sportybet", "1")).contains(held);
    assertThat(registry.resolve("sportybet", "2")).contains(other);
  }

  @Test
  void anUnmappedMarket_isNotAddedToAnInactiveMapping_norOneHoldingAnotherIdOfItsSource() {
    MarketMapping inactive = registry.create(draft("A", Map.of()), ALICE);
    registry.deactivate(inactive.id(), ALICE);
    MarketMapping holding = registry.create(draft("B", Map.of("sportybet", "7")), ALICE);
    store.recordUnmapped(
        List.of(UnmappedSighting.of("sportybet", "18", null, List.of(), clock.instant())));

    assertThatThrownBy(() -> registry.mapToExisting(1, inactive.id(), ALICE))
        .isInstanceOfSatisfying(
            Conflict.class,
            c -> {
              assertThat(c.field()).isEqualTo("mappingId");
              assertThat(c.getMessage()).contains("inactive");
            });
    assertThatThrownBy(() -> registry.mapToExisting(1, holding.id(), ALICE))
        .isInstanceOfSatisfying(
            Conflict.class,
            c -> assertThat(c.getMessage()).contains("already maps sportybet to '7'"));
    assertThat(store.findUnmapped(1).orElseThrow().status()).isEqualTo(UnmappedStatus.NEW);
  }

  @Test
  void aFailedFlush_keepsTheSightingsForTheNext() {
    Instant now = clock.instant();
    registry.recordUnmapped(UnmappedSighting.of("bet9ja", "9", "Handicap", List.of(), now));
    store.failNext(new Unavailable("down"));

    assertThatThrownBy(registry::flushUnmapped).isInstanceOf(Unavailable.class);
    registry.recordUnmapped(
        UnmappedSighting.of("bet9ja", "9", null, List.of(), now.plusSeconds(1)));
    assertThat(registry.flushUnmapped()).isEqualTo(1);

    UnmappedMarket market = store.findUnmapped(1).orElseThrow();
    assertThat(market.occurrenceCount()).isEqualTo(2);
    assertThat(market.marketName()).isEqualTo("Handicap");
  }

  @Test
  void sightingsRecordedWhileFlushing_areNeverLost() throws InterruptedException {
    int threads = 4;
    int perThread = 5_000;
    Thread[] recorders = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      recorders[t] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = 0; i < perThread; i++) {
                      registry.recordUnmapped(
                          UnmappedSighting.of(
                              "sportybet", "m" + (i % 3), null, List.of(), clock.instant()));
                    }
                  });
    }
    for (Thread recorder : recorders) {
      while (recorder.isAlive()) {
        registry.flushUnmapped();
      }
      recorder.join();
    }
    registry.close();

    long total =
        store.findUnmapped(UnmappedQuery.all()).markets().stream()
            .mapToLong(UnmappedMarket::occurrenceCount)
            .sum();
    assertThat(total).isEqualTo((long) threads * perThread);
  }

  @Test
  void theRegistryAnswersAsOfTheClock() {
    MarketMapping created = registry.create(draft("1X2", Map.of()), ALICE);
    clock.advance(Duration.ofMinutes(5));
    MarketMapping renamed =
        registry.update(
            created.id(), MappingDraft.of("1X2", "Result", Map.of(), null, null), ALICE);
    assertThat(renamed.updatedAt()).isEqualTo(created.createdAt().plus(Duration.ofMinutes(5)));
    assertThat(renamed.createdAt()).isEqualTo(created.createdAt());
  }
}
