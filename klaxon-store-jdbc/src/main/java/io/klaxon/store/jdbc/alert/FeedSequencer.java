package io.klaxon.store.jdbc.alert;

import io.klaxon.store.jdbc.Dialect;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Numbers the change feed on PostgreSQL: commits leave their material history rows without a
 * position, and the feed's readers run this before they read. A round holds the {@code alert_feed}
 * row ({@code FOR UPDATE}) in a short transaction of its own and gives the committed rows still
 * without a position the next positions, in id order. Committing partitions never wait for it nor
 * for each other.
 *
 * <p>Why a reader that has seen position {@code n} has seen every position up to {@code n}: a round
 * sees only committed rows, its positions all come after those of earlier rounds and commit
 * together, and rounds take turns on the row. A row that commits while a round runs is not in the
 * round's snapshot (each statement of a read-committed transaction takes its own, after the lock);
 * it gets a later position in the next round, so it is not skipped either.
 *
 * <p>On SQLite commits still take their positions in the commit (the write lock orders them
 * anyway), and this does nothing: readers stay read-only.
 */
final class FeedSequencer {

  /** Rows numbered per statement; a round repeats until none are left. */
  static final int ROUND = 10_000;

  private final DSLContext dsl;
  private final AlertTables tables;
  private final boolean enabled;

  FeedSequencer(DSLContext dsl, Dialect dialect, AlertTables tables) {
    this.dsl = dsl;
    this.tables = tables;
    this.enabled = dialect == Dialect.POSTGRESQL;
  }

  /** Whether commits take their positions themselves (SQLite) instead of leaving them empty. */
  boolean positionsAtCommit() {
    return !enabled;
  }

  /** Gives every committed material row its position; cheap when there is none waiting. */
  void run() {
    if (!enabled) {
      return;
    }
    AlertTables.History history = tables.history;
    // Read without a lock first: readers poll often, and usually nothing waits (index
    // alert_history_unpositioned holds only waiting rows).
    while (dsl.fetchExists(DSL.selectOne().from(history.table).where(waiting(history)).limit(1))) {
      if (round() < ROUND) {
        return;
      }
    }
  }

  private int round() {
    return dsl.transactionResult(
        configuration -> {
          DSLContext tx = configuration.dsl();
          AlertTables.Feed feed = tables.feed;
          AlertTables.History history = tables.history;
          Long last =
              tx.select(feed.lastPosition).from(feed.table).forUpdate().fetchOne(feed.lastPosition);
          if (last == null) {
            throw new IllegalStateException("alert_feed has no row: the schema is not migrated");
          }
          Field<Long> position =
              DSL.val(last).plus(DSL.rowNumber().over(DSL.orderBy(history.id))).as("position");
          Field<Long> id = history.id.as("waiting_id");
          Table<?> numbered =
              DSL.select(id, position)
                  .from(history.table)
                  .where(waiting(history))
                  .orderBy(history.id)
                  .limit(ROUND)
                  .asTable("numbered");
          int count =
              tx.update(history.table)
                  .set(history.feedPosition, numbered.field(position))
                  .from(numbered)
                  .where(history.id.eq(numbered.field(id)))
                  .execute();
          if (count > 0) {
            tx.update(feed.table).set(feed.lastPosition, last + count).execute();
          }
          return count;
        });
  }

  /** Committed material rows without a position: the predicate of the partial index. */
  private static Condition waiting(AlertTables.History history) {
    return history.material.isTrue().and(history.feedPosition.isNull());
  }
}
