package io.klaxon.server.mapping;

import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.OutcomeMapping;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A mapping as the API shows it, in the audit log's old and new values too. */
record MappingView(
    long id,
    String canonicalId,
    String name,
    Map<String, String> sourceIds,
    List<OutcomeMapping> outcomeMapping,
    int priority,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    String createdBy) {

  static MappingView of(MarketMapping mapping) {
    return new MappingView(
        mapping.id(),
        mapping.canonicalId(),
        mapping.name(),
        mapping.sourceIds(),
        mapping.outcomeMapping(),
        mapping.priority(),
        mapping.active(),
        mapping.createdAt(),
        mapping.updatedAt(),
        mapping.createdBy());
  }

  static @Nullable MappingView ofNullable(@Nullable MarketMapping mapping) {
    return mapping == null ? null : of(mapping);
  }
}
