package io.klaxon.mapping;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where mappings, their audit log and the unmapped market log are kept. All methods may be called
 * from any thread. Implementations raise {@link io.klaxon.problem.Unavailable} when the store
 * cannot be reached.
 */
public interface MappingStore {

  /**
   * Runs {@code work} in one transaction that holds off every other mapping change, here and in
   * other processes on the same database, until it ends; commits what it wrote when it returns,
   * writes nothing when it throws (and rethrows what it threw). Increments {@link #revision()}.
   */
  <T> T inTransaction(Function<MappingTransaction, T> work);

  /** A number that grows with every committed mapping change; caches compare it to reload. */
  long revision();

  /** Every active mapping, with the revision they are at least as new as. */
  ActiveMappings loadActive();

  Optional<MarketMapping> findById(long id);

  MappingPage find(MappingQuery query);

  /** Every mapping, active or not, by canonical id: for export. */
  List<MarketMapping> all();

  /** A mapping's audit entries, oldest first; empty when the mapping does not exist. */
  List<MappingAuditEntry> auditOf(long mappingId);

  /** Audit entries of any mapping, newest first. */
  AuditPage audit(AuditQuery query);

  /**
   * Counts sightings of unmapped markets, all in one transaction: a market seen for the first time
   * is logged as {@link UnmappedStatus#NEW}; for one already logged the count grows by the
   * sighting's occurrences, {@code lastSeenAt} moves to the latest sighting and the name and sample
   * outcomes are replaced when the sighting has some. Concurrent calls never lose a count.
   */
  void recordUnmapped(List<UnmappedSighting> sightings);

  Optional<UnmappedMarket> findUnmapped(long id);

  UnmappedPage findUnmapped(UnmappedQuery query);

  /**
   * Applies the patch to unmapped market {@code id} and answers it after.
   *
   * @throws io.klaxon.problem.NotFound when there is no unmapped market {@code id}
   */
  UnmappedMarket updateUnmapped(long id, UnmappedPatch patch);
}
