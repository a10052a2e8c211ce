package io.klaxon.store.jdbc.alert;

import static org.jooq.impl.DSL.excluded;

import io.klaxon.alert.Alert;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.JdbcBatch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Adds a commit's new alerts to {@code alert_counts} and {@code alert_counts_by_time} on SQLite,
 * one upsert per kind of alert (status, severity, source, type; and ten minutes of detection time)
 * instead of two upserts per row by insert triggers, which V16 dropped: a batch of new alerts is
 * mostly of one kind. The update and delete triggers stay, since cascades delete rows the writer
 * never names. PostgreSQL's triggers already count per statement.
 */
final class NewAlertCounts {

  private static final long BUCKET_MICROS = AlertTables.AlertCounts.BUCKET.toNanos() / 1_000;

  private final JdbcBatch counts;
  private final JdbcBatch timeCounts;

  NewAlertCounts(DSLContext dsl, Dialect dialect, AlertTables tables) {
    AlertTables.AlertCounts c = tables.alertCounts;
    // insert into alert_counts (status, severity, source, type, n) values (?, ?, ?, ?, ?)
    // on conflict (status, severity, source, type) do update set n = n + excluded.n
    this.counts =
        new JdbcBatch(
            dsl,
            dialect,
            dsl.insertInto(c.table, c.status, c.severity, c.source, c.type, c.n)
                .values(
                    DSL.param(c.status),
                    DSL.param(c.severity),
                    DSL.param(c.source),
                    DSL.param(c.type),
                    DSL.param(c.n))
                .onConflict(c.status, c.severity, c.source, c.type)
                .doUpdate()
                .set(c.n, c.n.plus(excluded(c.n))),
            List.of(c.status, c.severity, c.source, c.type, c.n));
    AlertTables.AlertCounts t = tables.alertTimeCounts;
    var bucket = java.util.Objects.requireNonNull(t.bucket, "alert_counts_by_time has buckets");
    this.timeCounts =
        new JdbcBatch(
            dsl,
            dialect,
            dsl.insertInto(t.table, bucket, t.status, t.severity, t.source, t.type, t.n)
                .values(
                    DSL.param(bucket),
                    DSL.param(t.status),
                    DSL.param(t.severity),
                    DSL.param(t.source),
                    DSL.param(t.type),
                    DSL.param(t.n))
                .onConflict(bucket, t.status, t.severity, t.source, t.type)
                .doUpdate()
                .set(t.n, t.n.plus(excluded(t.n))),
            List.of(bucket, t.status, t.severity, t.source, t.type, t.n));
  }

  /** Counts the alerts just inserted, in the inserting transaction. */
  void add(DSLContext tx, List<Alert> created) {
    if (created.isEmpty()) {
      return;
    }
    Map<List<Object>, long[]> byKind = new HashMap<>();
    Map<List<Object>, long[]> byBucket = new HashMap<>();
    for (Alert alert : created) {
      String status = alert.status().word();
      String severity = alert.severity().word();
      byKind
          .computeIfAbsent(
              List.of(status, severity, alert.source(), alert.type()), kind -> new long[1])[0]++;
      byBucket
          .computeIfAbsent(
              List.of(bucket(alert.detectedAt()), status, severity, alert.source(), alert.type()),
              kind -> new long[1])[0]++;
    }
    counts.execute(tx, rows(byKind));
    timeCounts.execute(tx, rows(byBucket));
  }

  /** The start of the ten minutes of detection time, rounded down (also before 1970). */
  static Instant bucket(Instant detectedAt) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, detectedAt);
    return Instant.EPOCH.plus(micros - Math.floorMod(micros, BUCKET_MICROS), ChronoUnit.MICROS);
  }

  private static List<List<@Nullable Object>> rows(Map<List<Object>, long[]> counted) {
    List<List<@Nullable Object>> rows = new ArrayList<>(counted.size());
    for (Map.Entry<List<Object>, long[]> kind : counted.entrySet()) {
      List<@Nullable Object> row = new ArrayList<>(Arrays.asList(kind.getKey().toArray()));
      row.add(kind.getValue()[0]);
      rows.add(row);
    }
    return rows;
  }
}
