package io.klaxon.server.mapping;

import io.klaxon.mapping.MappingAuditEntry;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One audit entry as the API shows it: the seed's uppercase action, the mapping before and after.
 */
record AuditView(
    long id,
    long mappingId,
    String canonicalId,
    String action,
    @Nullable MappingView oldValue,
    MappingView newValue,
    @Nullable String reason,
    String actor,
    Instant at) {

  static AuditView of(MappingAuditEntry entry) {
    return new AuditView(
        entry.id(),
        entry.mappingId(),
        entry.canonicalId(),
        entry.action().name(),
        MappingView.ofNullable(entry.oldValue()),
        MappingView.of(entry.newValue()),
        entry.reason(),
        entry.actor(),
        entry.at());
  }
}
