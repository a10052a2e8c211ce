package io.klaxon.store.jdbc.alert;

import static io.klaxon.store.jdbc.Columns.column;
import static org.jooq.impl.DSL.name;

import io.klaxon.alert.Partitioning;
import io.klaxon.store.jdbc.Dialect;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

/**
 * The number of engine partitions recorded in a database ({@code engine_partitions}): recorded
 * once, by the first store that opens an empty database, and never changed, since every alert row
 * names its partition.
 */
final class PartitionCount {

  /** The setting that chooses the number, named in the refusal. */
  static final String SETTING = "klaxon.engine.partitions";

  private static final Table<Record> TABLE = DSL.table(name("engine_partitions"));
  private static final Field<Integer> SINGLETON =
      column("engine_partitions", "singleton", SQLDataType.INTEGER);
  private static final Field<Integer> PARTITIONS =
      column("engine_partitions", "partitions", SQLDataType.INTEGER);

  private PartitionCount() {}

  /** One engine on SQLite, whose writes serialize anyway; sixteen on PostgreSQL. */
  static int defaultFor(Dialect dialect) {
    return dialect == Dialect.POSTGRESQL ? 16 : 1;
  }

  /**
   * The database's partitions: as recorded, or {@code wanted} (the dialect's default when null)
   * recorded now when the database has none yet.
   *
   * @throws IllegalStateException when {@code wanted} differs from what the database recorded
   */
  static Partitioning settle(DSLContext dsl, Dialect dialect, @Nullable Integer wanted) {
    int proposed = wanted != null ? wanted : defaultFor(dialect);
    Partitioning proposal = new Partitioning(proposed); // refuses a count out of range first
    dsl.insertInto(TABLE, SINGLETON, PARTITIONS)
        .values(1, proposal.count())
        .onConflict(SINGLETON)
        .doNothing()
        .execute();
    Integer recorded = dsl.select(PARTITIONS).from(TABLE).fetchOne(PARTITIONS);
    if (recorded == null) {
      throw new IllegalStateException("engine_partitions has no row after it was recorded");
    }
    if (wanted != null && recorded != wanted.intValue()) {
      throw new IllegalStateException(
          SETTING
              + " is "
              + wanted
              + ", but this database was created with "
              + recorded
              + " partitions, and every alert row is placed by that number, so it cannot change:"
              + " set "
              + SETTING
              + "="
              + recorded
              + " (or leave it unset to take the database's), or start on a new database to use "
              + wanted);
    }
    return new Partitioning(recorded);
  }
}
