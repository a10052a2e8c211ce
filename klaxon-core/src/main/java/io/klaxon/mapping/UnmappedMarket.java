package io.klaxon.mapping;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A market a source offers that no active mapping knows, as logged: one per (source, market id).
 *
 * @param sampleOutcomes outcome names of the latest sighting that had any
 * @param occurrenceCount how many times it was seen
 * @param mappingId the mapping it was mapped to by {@link MappingRegistry#mapToNew} or {@link
 *     MappingRegistry#mapToExisting}, if any
 */
public record UnmappedMarket(
    long id,
    String source,
    String externalMarketId,
    @Nullable String marketName,
    List<String> sampleOutcomes,
    Instant firstSeenAt,
    Instant lastSeenAt,
    long occurrenceCount,
    UnmappedStatus status,
    @Nullable String notes,
    @Nullable Long mappingId) {

  public UnmappedMarket {
    sampleOutcomes = List.copyOf(sampleOutcomes);
  }
}
