package io.klaxon.mapping;

import java.util.Optional;

/**
 * What a detector asks of the registry on its hot path: the canonical market of a source's market
 * id, and a note of the ones that have none. Both answer from memory, without waiting for the
 * store.
 */
public interface MarketResolver {

  /**
   * The active mapping that holds {@code externalId} for {@code source} (source names ignore case),
   * or empty when there is none.
   */
  Optional<MarketMapping> resolve(String source, String externalId);

  /** Counts a sighting of an unmapped market; it reaches the store with the next flush. */
  void recordUnmapped(UnmappedSighting sighting);
}
