package io.klaxon.server.mapping;

import io.klaxon.mapping.ImportItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST /api/mappings/import: the export document as it is (its ids, times and createdBy
 * are ignored; mappings are matched by canonicalId), and an optional reason.
 */
record ImportRequest(
    @Nullable Instant exportedAt,
    @Nullable Integer count,
    @Nullable List<Item> mappings,
    @Nullable String reason) {

  /** One mapping of the export. */
  record Item(
      @Nullable Long id,
      @Nullable String canonicalId,
      @Nullable String name,
      @Nullable Map<String, String> sourceIds,
      @Nullable List<MappingRequest.Outcome> outcomeMapping,
      @Nullable Integer priority,
      @Nullable Boolean active,
      @Nullable Instant createdAt,
      @Nullable Instant updatedAt,
      @Nullable String createdBy) {

    /** The item for the core; a null item becomes one with nothing in it (rejected as such). */
    static ImportItem of(@Nullable Item item) {
      if (item == null) {
        return new ImportItem(null, null, null, null, null, null);
      }
      return new ImportItem(
          item.canonicalId(),
          item.name(),
          item.sourceIds(),
          MappingRequest.outcomes(item.outcomeMapping()),
          item.priority(),
          item.active());
    }
  }
}
