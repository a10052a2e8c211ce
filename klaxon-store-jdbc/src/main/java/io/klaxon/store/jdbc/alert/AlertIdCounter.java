package io.klaxon.store.jdbc.alert;

import io.klaxon.store.IdBlocks;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Reserves blocks of alert ids from {@code alert_ids.reserved_through}, one statement in a
 * transaction of its own: commits no longer record the largest id, so partitions that create alerts
 * side by side share no row. A block starts after every id reserved, stored or deleted so far, so
 * ids written without a reservation (an older version, a test's change set) are never handed out
 * again either.
 */
final class AlertIdCounter implements IdBlocks {

  private final DSLContext dsl;
  private final AlertTables tables;

  AlertIdCounter(DSLContext dsl, AlertTables tables) {
    this.dsl = dsl;
    this.tables = tables;
  }

  @Override
  public long reserve(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    AlertTables.AlertIds ids = tables.alertIds;
    AlertTables.Alerts alerts = tables.alerts;
    Field<Long> stored =
        DSL.coalesce(DSL.field(DSL.select(DSL.max(alerts.id)).from(alerts.table)), DSL.val(0L));
    Long through =
        dsl.update(ids.table)
            .set(
                ids.reservedThrough,
                DSL.greatest(ids.reservedThrough, ids.lastId, stored).plus(count))
            .returningResult(ids.reservedThrough)
            .fetchOne(ids.reservedThrough);
    if (through == null) {
      throw new IllegalStateException("alert_ids has no row: the schema is not migrated");
    }
    return through - count;
  }

  @Override
  public void giveBack(long from, long through) {
    AlertTables.AlertIds ids = tables.alertIds;
    dsl.update(ids.table)
        .set(ids.reservedThrough, from - 1)
        .where(ids.reservedThrough.eq(through))
        .execute();
  }
}
