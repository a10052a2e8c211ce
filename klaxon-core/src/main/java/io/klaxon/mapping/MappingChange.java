package io.klaxon.mapping;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change of one mapping, for the store to write with its audit entry in one transaction.
 *
 * @param before the mapping as stored, null for {@link AuditAction#CREATE}
 * @param after the mapping after the change; id 0 for a mapping to create
 */
public record MappingChange(
    AuditAction action,
    @Nullable MarketMapping before,
    MarketMapping after,
    Edit edit,
    Instant at) {

  public MappingChange {
    if ((action == AuditAction.CREATE) != (before == null)) {
      throw new IllegalArgumentException("a CREATE, and only a CREATE, has no 'before'");
    }
    if (before != null && before.id() != after.id()) {
      throw new IllegalArgumentException("a change keeps the mapping's id");
    }
  }
}
