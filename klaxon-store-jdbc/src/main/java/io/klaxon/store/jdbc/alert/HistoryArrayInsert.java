package io.klaxon.store.jdbc.alert;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.json.AlertJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

/**
 * A commit's history rows as one PostgreSQL statement over arrays, whose text is the same for any
 * number of rows. A multi-row insert has a text per number of rows: under re-triggers most joint
 * commits carry a few summary rows, each such insert was parsed and planned anew (its jsonb and
 * timestamp casts folded at every plan), and a profile of the database's backends put 15% of their
 * CPU in parsing and planning (BENCHMARKS.md, "i22g"). One text is prepared once per connection and
 * planned generically.
 */
final class HistoryArrayInsert {

  static final String SQL =
      "insert into "
          + AlertTables.History.NAME
          + " (alert_id, version, at, actor, action, from_status, to_status, changes, note,"
          + " material, feed_position)"
          + " select v.alert_id, v.version, v.at::timestamptz, v.actor, v.action, v.from_status,"
          + " v.to_status, v.changes::jsonb, v.note, v.material, v.feed_position"
          + " from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::text[], ?::text[], ?::text[], ?::boolean[], ?::bigint[])"
          + " as v(alert_id, version, at, actor, action, from_status, to_status, changes, note,"
          + " material, feed_position)";

  private HistoryArrayInsert() {}

  static void insert(DSLContext tx, List<AlertRows.FeedEntry> rows) {
    if (rows.isEmpty()) {
      return;
    }
    tx.connection(connection -> insert(connection, rows));
  }

  private static void insert(Connection connection, List<AlertRows.FeedEntry> rows)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(SQL)) {
      bind(statement, 1, rows);
      statement.executeUpdate();
    }
  }

  /**
   * Binds the rows to {@link #SQL}'s parameters, which are {@code first} and the ten after it in
   * {@code statement} (the text may be part of a larger statement).
   *
   * @return the next parameter's index
   */
  static int bind(PreparedStatement statement, int first, List<AlertRows.FeedEntry> rows)
      throws SQLException {
    int size = rows.size();
    long[] alertIds = new long[size];
    long[] versions = new long[size];
    String[] at = new String[size];
    String[] actors = new String[size];
    String[] actions = new String[size];
    @Nullable String[] fromStatuses = new String[size];
    String[] toStatuses = new String[size];
    String[] changes = new String[size];
    @Nullable String[] notes = new String[size];
    boolean[] material = new boolean[size];
    @Nullable Long[] positions = new Long[size];
    for (int i = 0; i < size; i++) {
      AlertRows.FeedEntry row = rows.get(i);
      HistoryEntry entry = row.entry();
      AlertStatus from = entry.fromStatus();
      alertIds[i] = entry.alertId();
      versions[i] = entry.version();
      // As text, so that PostgreSQL rounds to microseconds as it did for the bound timestamp.
      at[i] = entry.at().toString();
      actors[i] = entry.actor();
      actions[i] = entry.action().word();
      fromStatuses[i] = from == null ? null : from.word();
      toStatuses[i] = entry.toStatus().word();
      changes[i] = AlertJson.write(entry.changes());
      notes[i] = entry.note();
      material[i] = entry.isMaterial();
      positions[i] = row.position();
    }
    // Primitive arrays go in binary (pgjdbc's ArrayEncoding), the others as array literals.
    Object[] columns = {
      alertIds,
      versions,
      at,
      actors,
      actions,
      fromStatuses,
      toStatuses,
      changes,
      notes,
      material,
      positions
    };
    int parameter = first;
    for (Object column : columns) {
      statement.setObject(parameter++, column);
    }
    return parameter;
  }
}
