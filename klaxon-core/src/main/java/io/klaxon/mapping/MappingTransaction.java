package io.klaxon.mapping;

import java.util.Optional;

/** What the work of {@link MappingStore#inTransaction} may read and write: all or nothing. */
public interface MappingTransaction {

  Optional<MarketMapping> findById(long id);

  Optional<MarketMapping> findByCanonicalId(String canonicalId);

  Optional<UnmappedMarket> findUnmapped(long id);

  /**
   * Writes a change of a mapping (creates it when {@code before} is null) with its source ids and
   * one audit entry.
   *
   * @return the mapping as stored, with its id
   * @throws io.klaxon.problem.Conflict naming {@code canonicalId} when another mapping has it, or
   *     {@code sourceIds.<source>} when an active mapping is to hold a source id that another
   *     active mapping holds
   */
  MarketMapping save(MappingChange change);

  /**
   * Marks an unmapped market {@link UnmappedStatus#MAPPED} to a mapping.
   *
   * @throws io.klaxon.problem.NotFound when there is no unmapped market {@code unmappedId}
   */
  UnmappedMarket markMapped(long unmappedId, long mappingId);
}
