package io.klaxon.server.mapping;

import io.klaxon.mapping.UnmappedSighting;
import io.klaxon.server.problem.FieldErrors;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One item of POST /api/unmapped: a market a source offers that no mapping knows. */
record SightingRequest(
    @Nullable String source,
    @Nullable String externalMarketId,
    @Nullable String marketName,
    @Nullable List<String> sampleOutcomes,
    @Nullable Instant seenAt) {

  /** The sighting, or null with every fault recorded under {@code path}. */
  @Nullable UnmappedSighting sighting(String path, Instant now, FieldErrors errors) {
    Instant at = seenAt == null ? now : seenAt;
    return errors.attempt(
        path,
        () ->
            UnmappedSighting.of(
                source == null ? "" : source,
                externalMarketId == null ? "" : externalMarketId,
                marketName,
                sampleOutcomes == null ? List.of() : sampleOutcomes,
                at));
  }
}
