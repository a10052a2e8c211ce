package io.klaxon.mapping;

import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A question asked of the stored mappings; ordered by priority (highest first), then canonical id.
 *
 * @param active only active (true) or inactive (false) mappings; null for both
 * @param sources mappings with an id for any of these sources; empty for any
 * @param text case-insensitive text that the canonical id or the name contains
 */
public record MappingQuery(
    @Nullable Boolean active, Set<String> sources, @Nullable String text, int limit, long offset) {

  /**
   * @throws io.klaxon.problem.InvalidInput naming {@code limit} or {@code offset}
   */
  public MappingQuery {
    sources = sources.stream().map(Checks::sourceKey).collect(Collectors.toUnmodifiableSet());
    text = text == null || text.isBlank() ? null : text.strip();
    Checks.page(limit, offset);
  }

  /** Every mapping, first page. */
  public static MappingQuery all() {
    return new MappingQuery(null, Set.of(), null, MappingLimits.DEFAULT_LIMIT, 0);
  }
}
