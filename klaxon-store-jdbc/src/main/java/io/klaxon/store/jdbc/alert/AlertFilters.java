package io.klaxon.store.jdbc.alert;

import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.store.jdbc.Dialect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** An {@link AlertQuery}'s filters and order as jOOQ conditions and sort fields. */
final class AlertFilters {

  private final Dialect dialect;
  private final AlertTables.Alerts alerts;
  private final Field<Integer> severityRank;

  AlertFilters(Dialect dialect, AlertTables tables) {
    this.dialect = dialect;
    this.alerts = tables.alerts;
    Map<String, Integer> ranks = new LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      ranks.put(severity.word(), severity.rank());
    }
    // Severities are stored as words; their order is the rank, not the alphabet.
    this.severityRank = DSL.case_(alerts.severity).mapValues(ranks);
  }

  /** Every filter of the query. */
  Condition all(AlertQuery query) {
    return allButStatus(query).and(in(alerts.status, query.statuses(), AlertStatus::word));
  }

  /** Every filter but the statuses: the per-status counts of a page are taken under these. */
  Condition allButStatus(AlertQuery query) {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(in(alerts.severity, query.severities(), Severity::word));
    conditions.add(in(alerts.type, query.types(), Function.identity()));
    conditions.add(in(alerts.source, query.sources(), Function.identity()));
    if (query.subjectType() != null) {
      conditions.add(alerts.subjectType.eq(query.subjectType()));
    }
    if (query.subjectKey() != null) {
      conditions.add(alerts.subjectKey.eq(query.subjectKey()));
    }
    if (query.from() != null) {
      conditions.add(alerts.detectedAt.ge(query.from()));
    }
    if (query.to() != null) {
      conditions.add(alerts.detectedAt.lt(query.to()));
    }
    String text = query.text();
    if (text != null && !text.isEmpty()) {
      // containsIgnoreCase escapes LIKE's wildcards in the text: "50%" means fifty percent.
      conditions.add(
          alerts.title.containsIgnoreCase(text).or(alerts.message.containsIgnoreCase(text)));
    }
    Boolean suppressed = query.suppressed();
    if (suppressed != null) {
      // The column is null exactly when nothing suppresses the alert (SuppressedByJson.write).
      conditions.add(suppressed ? alerts.suppressedBy.isNotNull() : alerts.suppressedBy.isNull());
    }
    query
        .attributes()
        .forEach(
            (name, value) ->
                conditions.add(dialect.attributeEquals(alerts.attributes, name, value)));
    return DSL.and(conditions);
  }

  /**
   * Whether the query filters on nothing but status, severity, type and source: then its counts can
   * be read from {@code alert_counts} instead of counted.
   */
  static boolean countable(AlertQuery query) {
    return onlyCountedColumns(query) && query.from() == null && query.to() == null;
  }

  /**
   * Whether the query also has a detection time range whose ends fall on bucket boundaries, and
   * nothing else: then {@code alert_counts_by_time} counts it.
   */
  static boolean countableByTime(AlertQuery query) {
    return onlyCountedColumns(query)
        && (query.from() != null || query.to() != null)
        && onBucketBoundary(query.from())
        && onBucketBoundary(query.to());
  }

  private static boolean onlyCountedColumns(AlertQuery query) {
    return query.subjectType() == null
        && query.subjectKey() == null
        && (query.text() == null || query.text().isEmpty())
        && query.attributes().isEmpty()
        && query.suppressed() == null;
  }

  private static boolean onBucketBoundary(@Nullable Instant at) {
    if (at == null) {
      return true;
    }
    long bucketMicros = AlertTables.AlertCounts.BUCKET.toNanos() / 1_000;
    long micros =
        Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    return at.getNano() % 1_000 == 0 && Math.floorMod(micros, bucketMicros) == 0;
  }

  /** A {@link #countable} or {@link #countableByTime} query's filters on a counts table. */
  Condition onCounts(AlertTables.AlertCounts counts, AlertQuery query) {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(in(counts.status, query.statuses(), AlertStatus::word));
    conditions.add(in(counts.severity, query.severities(), Severity::word));
    conditions.add(in(counts.type, query.types(), Function.identity()));
    conditions.add(in(counts.source, query.sources(), Function.identity()));
    // Groups whose alerts have all gone keep a row at zero.
    conditions.add(counts.n.gt(0L));
    if (counts.bucket != null && query.from() != null) {
      conditions.add(counts.bucket.ge(query.from()));
    }
    if (counts.bucket != null && query.to() != null) {
      conditions.add(counts.bucket.lt(query.to()));
    }
    return DSL.and(conditions);
  }

  /** The query's order, ending on the id so that pages are stable. */
  List<SortField<?>> order(AlertSort sort) {
    return switch (sort) {
      case DETECTED_AT_DESC -> List.of(alerts.detectedAt.desc(), alerts.id.desc());
      case DETECTED_AT_ASC -> List.of(alerts.detectedAt.asc(), alerts.id.asc());
      case LAST_SEEN_AT_DESC -> List.of(alerts.lastSeenAt.desc(), alerts.id.desc());
      case LAST_SEEN_AT_ASC -> List.of(alerts.lastSeenAt.asc(), alerts.id.asc());
      case SEVERITY_DESC -> List.of(severityRank.desc(), alerts.id.desc());
      case SEVERITY_ASC -> List.of(severityRank.asc(), alerts.id.asc());
    };
  }

  private static <T> Condition in(
      Field<String> field, Collection<T> values, Function<T, String> word) {
    if (values.isEmpty()) {
      return DSL.noCondition();
    }
    return field.in(values.stream().map(word).sorted().toList());
  }
}
