package io.klaxon.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jspecify.annotations.Nullable;

/**
 * A statement that jOOQ renders once and JDBC runs as a batch, binding plain values itself. jOOQ
 * binds each value through its contexts and converters, which costs more per row than SQLite's
 * whole update; the hottest statements bind directly instead.
 */
public final class JdbcBatch {

  private static final Pattern VALUES = Pattern.compile("(?i)\\svalues\\s*\\(");

  private final Dialect dialect;
  private final String sql;
  private final List<Class<?>> types;

  /**
   * Of an insert of one row: what comes before its row of values, that row, and what follows it (an
   * upsert's {@code on conflict …}, without parameters); else null.
   */
  private final @Nullable String insertHead;

  private final @Nullable String rowOfValues;
  private final String insertTail;

  /**
   * @param binds the fields whose values are bound, in the order of the statement's parameters
   */
  public JdbcBatch(DSLContext dsl, Dialect dialect, Query query, List<Field<?>> binds) {
    this.dialect = dialect;
    this.sql = dsl.render(query);
    this.types = binds.stream().<Class<?>>map(Field::getType).toList();
    types.stream().filter(type -> type != Instant.class).forEach(JdbcBatch::sqlType); // fail early
    if (query.getBindValues().size() != types.size()) {
      throw new IllegalStateException(
          "'" + sql + "' has " + query.getBindValues().size() + " parameters, not " + types.size());
    }
    Matcher values = VALUES.matcher(sql);
    int from = values.find() ? values.end() - 1 : -1;
    int to = from < 0 ? -1 : closing(sql, from);
    String row = to < 0 ? null : sql.substring(from, to + 1);
    boolean onlyRow = row != null && row.chars().filter(c -> c == '?').count() == types.size();
    this.insertHead = onlyRow ? sql.substring(0, values.start()) + " values " : null;
    this.rowOfValues = onlyRow ? row : null;
    this.insertTail = onlyRow ? sql.substring(to + 1) : "";
  }

  /** Where the parenthesis opened at {@code open} closes; -1 when it does not. */
  private static int closing(String sql, int open) {
    int depth = 0;
    for (int i = open; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the statement is an insert of one row, which {@link #insertRows} can repeat. */
  public boolean insertsOneRow() {
    return rowOfValues != null;
  }

  /**
   * Runs an insert (or upsert) of one row as one statement of many: its row of values repeated once
   * per row given. PostgreSQL runs each statement of a batch on its own, so one statement of many
   * rows is cheaper there; repeating the row rendered once costs far less than jOOQ building and
   * rendering a multi-row insert each time.
   *
   * @return the rows inserted
   */
  public int insertRows(DSLContext tx, List<? extends List<@Nullable Object>> rows) {
    String head = insertHead;
    String row = rowOfValues;
    if (head == null || row == null) {
      throw new IllegalStateException("'" + sql + "' is not an insert of one row");
    }
    StringBuilder many =
        new StringBuilder(head.length() + rows.size() * (row.length() + 2) + insertTail.length());
    many.append(head);
    for (int r = 0; r < rows.size(); r++) {
      many.append(r == 0 ? "" : ", ").append(row);
    }
    many.append(insertTail);
    return tx.connectionResult(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(many.toString())) {
            int index = 1;
            for (List<@Nullable Object> values : rows) {
              for (int i = 0; i < types.size(); i++) {
                bind(statement, index++, types.get(i), values.get(i));
              }
            }
            return statement.executeUpdate();
          }
        });
  }

  /** Runs the statement once per row of values, in the transaction of {@code tx}. */
  public int[] execute(DSLContext tx, List<? extends List<@Nullable Object>> rows) {
    return tx.connectionResult(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (List<@Nullable Object> row : rows) {
              for (int i = 0; i < types.size(); i++) {
                bind(statement, i + 1, types.get(i), row.get(i));
              }
              statement.addBatch();
            }
            return statement.executeBatch();
          }
        });
  }

  private void bind(PreparedStatement statement, int index, Class<?> type, @Nullable Object value)
      throws SQLException {
    if (type == Instant.class) {
      dialect.bind(statement, index, (Instant) value);
    } else if (value == null) {
      statement.setNull(index, sqlType(type));
    } else {
      statement.setObject(index, value, sqlType(type));
    }
  }

  /** The column types of the store's tables: JSON is bound as text and cast by the SQL. */
  private static int sqlType(Class<?> type) {
    if (type == Long.class) {
      return Types.BIGINT;
    }
    if (type == Double.class) {
      return Types.DOUBLE;
    }
    if (type == Boolean.class) {
      return Types.BOOLEAN;
    }
    if (type == String.class) {
      return Types.VARCHAR;
    }
    throw new IllegalArgumentException("no JDBC binding for " + type.getName());
  }
}
