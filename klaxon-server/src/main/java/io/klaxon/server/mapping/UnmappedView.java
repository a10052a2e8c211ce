package io.klaxon.server.mapping;

import io.klaxon.mapping.UnmappedMarket;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An unmapped market as the API shows it: the seed's uppercase status. */
record UnmappedView(
    long id,
    String source,
    String externalMarketId,
    @Nullable String marketName,
    List<String> sampleOutcomes,
    Instant firstSeenAt,
    Instant lastSeenAt,
    long occurrenceCount,
    String status,
    @Nullable String notes,
    @Nullable Long mappingId) {

  static UnmappedView of(UnmappedMarket market) {
    return new UnmappedView(
        market.id(),
        market.source(),
        market.externalMarketId(),
        market.marketName(),
        market.sampleOutcomes(),
        market.firstSeenAt(),
        market.lastSeenAt(),
        market.occurrenceCount(),
        market.status().name(),
        market.notes(),
        market.mappingId());
  }
}
