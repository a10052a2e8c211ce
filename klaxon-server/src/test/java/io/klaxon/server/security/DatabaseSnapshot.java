package io.klaxon.server.security;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Everything the database holds, as text, to show that a refused request changed nothing. Left out:
 * a key's last-used time (a key with too few scopes is still a key that was used) and the tables
 * that background jobs write on their own clock whatever the requests do.
 */
final class DatabaseSnapshot {

  /**
   * Job leases are renewed by the scheduled jobs; the notification planner and dispatcher move
   * their cursor and write notifications on their own threads from changes committed earlier.
   * (Receivers and routes, which requests write, are compared.)
   */
  private static final Set<String> BACKGROUND_TABLES =
      Set.of(
          "job_leases",
          "notify_cursor",
          "notifications",
          "notification_items",
          "notification_attempts",
          "notification_repeats");

  private DatabaseSnapshot() {}

  static String of(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      TreeMap<String, List<String>> tables = new TreeMap<>();
      DatabaseMetaData meta = connection.getMetaData();
      try (ResultSet names = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (names.next()) {
          String table = names.getString("TABLE_NAME");
          if (!table.startsWith("sqlite_")
              && !table.startsWith("flyway")
              && !BACKGROUND_TABLES.contains(table.toLowerCase(Locale.ROOT))) {
            tables.put(table, null);
          }
        }
      }
      for (String table : List.copyOf(tables.keySet())) {
        tables.put(table, rows(connection, table));
      }
      return tables.toString();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> rows(Connection connection, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("select * from " + table)) {
      ResultSetMetaData columns = result.getMetaData();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          if (!columns.getColumnName(i).toLowerCase(Locale.ROOT).equals("last_used_at")) {
            row.append(columns.getColumnName(i))
                .append('=')
                .append(result.getString(i))
                .append(';');
          }
        }
        rows.add(row.toString());
      }
    }
    rows.sort(null);
    return rows;
  }
}
