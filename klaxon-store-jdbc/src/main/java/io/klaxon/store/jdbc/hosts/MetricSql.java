package io.klaxon.store.jdbc.hosts;

import io.klaxon.store.jdbc.Dialect;

/**
 * The metric history's statements, with the one difference between the dialects: the lesser and
 * greater of two values are {@code min}/{@code max} on SQLite and {@code least}/{@code greatest} on
 * PostgreSQL. Times are microseconds since the epoch in both.
 */
final class MetricSql {

  /** Rows one insert statement carries: 4 parameters each, far under both databases' limits. */
  static final int ROWS_PER_INSERT = 250;

  /**
   * An insert of {@code rows} samples in one statement: on SQLite many rows a statement cost a
   * fraction of a batch of one-row statements, each of which crosses into the driver's native code.
   */
  static String keep(int rows) {
    StringBuilder sql =
        new StringBuilder("INSERT INTO metric_samples (server_id, metric, at, value) VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
    }
    return sql.append(" ON CONFLICT (server_id, metric, at) DO NOTHING").toString();
  }

  /** Buckets of {@code step} from {@code from}: samples and minute rows read alike. */
  static final String READ =
      "SELECT bucket, MIN(low), SUM(total) / CAST(SUM(samples) AS DOUBLE PRECISION), MAX(high),"
          + " SUM(samples) FROM ("
          + " SELECT (at - ?) / ? AS bucket, value AS low, value AS high, value AS total,"
          + " 1 AS samples FROM metric_samples"
          + " WHERE server_id = ? AND metric = ? AND at >= ? AND at <= ?"
          + " UNION ALL"
          + " SELECT (minute - ?) / ?, low, high, total, samples FROM metric_minutes"
          + " WHERE server_id = ? AND metric = ? AND minute >= ? AND minute <= ?"
          + ") points GROUP BY bucket ORDER BY bucket";

  static final String SERVERS = "SELECT id FROM servers ORDER BY id";

  static final String DELETE_SAMPLES = "DELETE FROM metric_samples WHERE server_id = ? AND at < ?";

  static final String DELETE_MINUTES =
      "DELETE FROM metric_minutes WHERE server_id = ? AND minute < ?";

  private MetricSql() {}

  /** Folds a server's samples before a time into its minute rows, merging with rows there. */
  static String rollUp(Dialect dialect) {
    String lesser = dialect == Dialect.SQLITE ? "MIN" : "LEAST";
    String greater = dialect == Dialect.SQLITE ? "MAX" : "GREATEST";
    return "INSERT INTO metric_minutes (server_id, metric, minute, low, high, total, samples)"
        + " SELECT server_id, metric, at / 60000000 * 60000000, MIN(value), MAX(value),"
        + " SUM(value), COUNT(*) FROM metric_samples WHERE server_id = ? AND at < ?"
        + " GROUP BY server_id, metric, at / 60000000 * 60000000"
        + " ON CONFLICT (server_id, metric, minute) DO UPDATE SET"
        + (" low = " + lesser + "(metric_minutes.low, excluded.low),")
        + (" high = " + greater + "(metric_minutes.high, excluded.high),")
        + " total = metric_minutes.total + excluded.total,"
        + " samples = metric_minutes.samples + excluded.samples";
  }
}
