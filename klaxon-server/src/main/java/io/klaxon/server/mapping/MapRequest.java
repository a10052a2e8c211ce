package io.klaxon.server.mapping;

import io.klaxon.server.problem.FieldErrors;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST /api/unmapped/{id}/map: either {@code mappingId} (add the market to that
 * mapping) or {@code canonicalId} with an optional name, outcomes and priority (create one).
 */
record MapRequest(
    @Nullable Long mappingId,
    @Nullable String canonicalId,
    @Nullable String name,
    @Nullable List<MappingRequest.Outcome> outcomeMapping,
    @Nullable Integer priority,
    @Nullable String reason) {

  /** Records what does not fit together; the core checks the values themselves. */
  void check(FieldErrors errors) {
    if (mappingId != null && canonicalId != null) {
      errors.add(
          "mappingId",
          "give either mappingId (add to that mapping) or canonicalId (create one), not both");
    } else if (mappingId == null && (canonicalId == null || canonicalId.isBlank())) {
      errors.add("canonicalId", "is required to create a mapping, unless mappingId is given");
    } else if (mappingId != null) {
      if (name != null) {
        errors.add("name", "only with canonicalId: the mapping exists");
      }
      if (outcomeMapping != null) {
        errors.add("outcomeMapping", "only with canonicalId: the mapping exists");
      }
      if (priority != null) {
        errors.add("priority", "only with canonicalId: the mapping exists");
      }
    }
  }
}
