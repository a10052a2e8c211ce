package io.klaxon.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Inserts many rows into one table, the way that is cheapest on the dialect: a JDBC batch of one
 * prepared row on SQLite, multi-row inserts on PostgreSQL (see {@link
 * Dialect#prefersRowBatches()}), both from one row's statement rendered once and bound directly.
 *
 * @param <T> what one row is made from
 */
public final class RowInsert<T> {

  /**
   * Bind values per statement, under SQLite's limit (32,766) and PostgreSQL's (65,535); a larger
   * multi-row insert is split.
   */
  private static final int MAX_BIND_VALUES = 30_000;

  private final Table<Record> table;
  private final List<Field<?>> columns;
  private final Function<T, List<@Nullable Object>> values;

  /**
   * The insert of one row rendered once: run as a batch of rows where row batches are cheapest,
   * else repeated into one statement of many rows; null when it could not be split so (then jOOQ
   * builds each multi-row insert).
   */
  private final @Nullable JdbcBatch batch;

  private final boolean rowBatches;

  public RowInsert(
      DSLContext dsl,
      Dialect dialect,
      Table<Record> table,
      List<Field<?>> columns,
      Function<T, List<@Nullable Object>> values) {
    this.table = table;
    this.columns = columns;
    this.values = values;
    this.rowBatches = dialect.prefersRowBatches();
    JdbcBatch oneRow =
        new JdbcBatch(
            dsl, dialect, dsl.insertInto(table, columns).values(params(columns)), columns);
    this.batch = rowBatches || oneRow.insertsOneRow() ? oneRow : null;
  }

  public void insert(DSLContext tx, List<T> items) {
    if (items.isEmpty()) {
      return;
    }
    if (batch != null && rowBatches) {
      batch.execute(tx, items.stream().map(values).toList());
      return;
    }
    if (batch != null) {
      for (List<T> chunk : chunks(items, columns.size())) {
        batch.insertRows(tx, chunk.stream().map(values).toList());
      }
      return;
    }
    for (List<T> chunk : chunks(items, columns.size())) {
      InsertValuesStepN<Record> insert = tx.insertInto(table, columns);
      for (T item : chunk) {
        insert = insert.values(values.apply(item));
      }
      insert.execute();
    }
  }

  /** The items in slices small enough for one statement of rows this wide. */
  public static <T> List<List<T>> chunks(List<T> items, int columns) {
    int size = Math.max(1, MAX_BIND_VALUES / columns);
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return chunks;
  }

  private static List<Field<?>> params(List<Field<?>> columns) {
    return columns.stream().<Field<?>>map(DSL::param).toList();
  }
}
