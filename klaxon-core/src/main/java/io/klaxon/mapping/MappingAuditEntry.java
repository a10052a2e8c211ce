package io.klaxon.mapping;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change of one mapping, append-only: written in the same transaction as the change.
 *
 * @param canonicalId the mapping's canonical id after the change
 * @param oldValue the mapping before the change; null for a {@link AuditAction#CREATE}
 * @param newValue the mapping after the change
 */
public record MappingAuditEntry(
    long id,
    long mappingId,
    String canonicalId,
    AuditAction action,
    @Nullable MarketMapping oldValue,
    MarketMapping newValue,
    @Nullable String reason,
    String actor,
    Instant at) {}
