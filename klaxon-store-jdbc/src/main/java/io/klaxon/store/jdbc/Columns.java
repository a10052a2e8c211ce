package io.klaxon.store.jdbc;

import static org.jooq.impl.DSL.name;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The columns every hand-written table of the store is made of, by table and column name. */
public final class Columns {

  private Columns() {}

  /** A column of a table, by name. */
  public static <T> Field<T> column(String table, String column, DataType<T> type) {
    return DSL.field(name(table, column), type);
  }

  /** A text column of a table, by name. */
  public static Field<String> text(String table, String column) {
    return column(table, column, SQLDataType.VARCHAR);
  }
}
