package io.klaxon.mapping;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A question asked of the unmapped market log.
 *
 * @param sources any of these sources; empty for any
 * @param statuses any of these statuses; empty for any
 */
public record UnmappedQuery(
    Set<String> sources, Set<UnmappedStatus> statuses, UnmappedSort sort, int limit, long offset) {

  /**
   * @throws io.klaxon.problem.InvalidInput naming {@code limit} or {@code offset}
   */
  public UnmappedQuery {
    sources = sources.stream().map(Checks::sourceKey).collect(Collectors.toUnmodifiableSet());
    statuses = Set.copyOf(statuses);
    Checks.page(limit, offset);
  }

  /** Every unmapped market, most seen first, first page. */
  public static UnmappedQuery all() {
    return new UnmappedQuery(
        Set.of(), Set.of(), UnmappedSort.OCCURRENCES_DESC, MappingLimits.DEFAULT_LIMIT, 0);
  }
}
