package io.klaxon.store.jdbc.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.JdbcBatch;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The alert writer's inserts on PostgreSQL repeat one rendered row of values into a statement of
 * many rows, rather than having jOOQ build and render each multi-row insert.
 */
class MultiRowInsertTest {

  private final DSLContext postgres = DSL.using(Dialect.POSTGRESQL.sqlDialect());
  private final AlertTables tables = new AlertTables(Dialect.POSTGRESQL);

  @Test
  void theAlertAndHistoryInsertsOnPostgresqlSplitIntoOneRowOfValuesToRepeat() {
    assertThat(oneRow(tables.alerts.table, tables.alerts.insertColumns()).insertsOneRow()).isTrue();
    assertThat(oneRow(tables.history.table, tables.history.writtenColumns()).insertsOneRow())
        .isTrue();
  }

  @Test
  void theSubjectsUpsertOnPostgresqlKeepsItsConflictClauseAfterTheRows() {
    AlertTables.Subjects s = tables.subjects;
    JdbcBatch upsert =
        new JdbcBatch(
            postgres,
            Dialect.POSTGRESQL,
            postgres
                .insertInto(s.table, s.columns())
                .values(s.columns().stream().map(DSL::param).toList())
                .onConflict(s.type, s.key)
                .doUpdate()
                .set(s.name, DSL.excluded(s.name))
                .where(s.name.isDistinctFrom(DSL.excluded(s.name))),
            s.columns());
    assertThat(upsert.insertsOneRow()).isTrue();
  }

  @Test
  void aStatementThatIsNoInsertOfOneRowIsNotTakenForOne() {
    AlertTables.Alerts a = tables.alerts;
    JdbcBatch update =
        new JdbcBatch(
            postgres,
            Dialect.POSTGRESQL,
            postgres
                .update(a.table)
                .set(a.occurrences, DSL.param(a.occurrences))
                .where(a.id.eq(DSL.param(a.id))),
            List.of(a.occurrences, a.id));
    assertThat(update.insertsOneRow()).isFalse();
  }

  private JdbcBatch oneRow(Table<Record> table, List<Field<?>> columns) {
    return new JdbcBatch(
        postgres,
        Dialect.POSTGRESQL,
        postgres.insertInto(table, columns).values(columns.stream().map(DSL::param).toList()),
        columns);
  }
}
