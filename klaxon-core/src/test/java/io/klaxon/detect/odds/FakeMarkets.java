package io.klaxon.detect.odds;

import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.MarketResolver;
import io.klaxon.mapping.OutcomeMapping;
import io.klaxon.mapping.UnmappedSighting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A mapping registry in a map: the mappings a test gives it, the unmapped sightings it gets. */
final class FakeMarkets implements MarketResolver {

  private final Map<String, MarketMapping> bySourceId = new HashMap<>();
  final List<UnmappedSighting> unmapped = new ArrayList<>();

  /**
   * Two canonical markets, 1X2 and total goals, at betpawa (the house), sportybet, bet9ja and
   * msport; outcome 1 of 1X2 is "Home" at sportybet, the other outcomes keep their names.
   */
  static FakeMarkets standard() {
    return new FakeMarkets()
        .map(
            "1x2",
            "Match result",
            Map.of("betpawa", "bp-1x2", "sportybet", "sb-1", "bet9ja", "b9-1", "msport", "ms-1"),
            new OutcomeMapping("1", Map.of("betpawa", "1", "sportybet", "Home")))
        .map(
            "ou",
            "Total goals",
            Map.of("betpawa", "bp-ou", "sportybet", "sb-ou", "bet9ja", "b9-ou", "msport", "ms-ou"));
  }

  FakeMarkets map(
      String canonicalId, String name, Map<String, String> sourceIds, OutcomeMapping... outcomes) {
    Instant at = Instant.parse("2026-01-01T00:00:00Z");
    MarketMapping mapping =
        new MarketMapping(
            bySourceId.size() + 1,
            canonicalId,
            name,
            sourceIds,
            List.of(outcomes),
            0,
            true,
            at,
            at,
            "test");
    sourceIds.forEach((source, id) -> bySourceId.put(source + "|" + id, mapping));
    return this;
  }

  @Override
  public Optional<MarketMapping> resolve(String source, String externalId) {
    return Optional.ofNullable(bySourceId.get(source.toLowerCase(Locale.ROOT) + "|" + externalId));
  }

  @Override
  public void recordUnmapped(UnmappedSighting sighting) {
    unmapped.add(sighting);
  }
}
