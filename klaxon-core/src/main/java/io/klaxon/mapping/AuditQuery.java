package io.klaxon.mapping;

import io.klaxon.problem.InvalidInput;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A question asked of the audit log; answered newest first.
 *
 * @param actions any of these actions; empty for any
 * @param canonicalId entries whose mapping had this canonical id after the change
 * @param from inclusive lower bound of the entry's time
 * @param to exclusive upper bound of the entry's time
 */
public record AuditQuery(
    Set<AuditAction> actions,
    @Nullable String canonicalId,
    @Nullable Instant from,
    @Nullable Instant to,
    int limit,
    long offset) {

  /**
   * @throws InvalidInput naming {@code limit}, {@code offset} or {@code from}
   */
  public AuditQuery {
    actions = Set.copyOf(actions);
    canonicalId = canonicalId == null || canonicalId.isBlank() ? null : canonicalId.strip();
    Checks.page(limit, offset);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidInput("from", "must be before 'to'");
    }
  }

  /** Every entry, newest first, first page. */
  public static AuditQuery all() {
    return new AuditQuery(Set.of(), null, null, null, MappingLimits.DEFAULT_LIMIT, 0);
  }
}
