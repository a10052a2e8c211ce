package io.klaxon.store.jdbc.alert;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQueries;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.store.AlertChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/** The store's reads: pages, counts, single alerts, history and subjects. */
final class AlertReader {

  private final DSLContext dsl;
  private final AlertTables tables;
  private final AlertTables.Alerts alerts;
  private final AlertRows rows;
  private final AlertFilters filters;

  /** The deepest page (offset plus limit) read one status at a time. */
  private static final long MERGED_PAGE_DEPTH = 5_000;

  AlertReader(DSLContext dsl, AlertTables tables, AlertRows rows, AlertFilters filters) {
    this.dsl = dsl;
    this.tables = tables;
    this.alerts = tables.alerts;
    this.rows = rows;
    this.filters = filters;
  }

  AlertPage find(AlertQuery query) {
    Map<AlertStatus, Long> counts = countByStatus(query);
    // The counts are taken under every other filter, so the total is their sum over the
    // statuses asked for: one query fewer.
    long total =
        counts.entrySet().stream()
            .filter(e -> query.statuses().isEmpty() || query.statuses().contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    // A page past the last match is empty: no need to walk an index looking for matches that
    // the counts say are not there (a combination of filters nothing matches is the worst case).
    List<Alert> page;
    if (query.offset() >= total) {
      page = List.of();
    } else if (mergesPerStatus(query)) {
      page = mergedPerStatus(query, counts);
    } else {
      page =
          selectAlerts()
              .where(filters.all(query))
              .orderBy(filters.order(query.sort()))
              .limit(query.limit())
              .offset(query.offset())
              .fetch(rows::alert);
    }
    return new AlertPage(page, total, counts);
  }

  /**
   * Whether a page of several statuses (open and acknowledged: "what is active") is read one status
   * at a time. One query over {@code status IN (…)} cannot walk the (status, detected_at) index in
   * order, so SQLite sorted every match: 600 ms for the first 50 of 750,000 active alerts. Each
   * status alone is read in index order, so the page costs a few short reads. Deep pages read too
   * much that way and keep the one query.
   */
  private static boolean mergesPerStatus(AlertQuery query) {
    boolean byDetection =
        query.sort() == AlertSort.DETECTED_AT_DESC || query.sort() == AlertSort.DETECTED_AT_ASC;
    return byDetection
        && query.statuses().size() > 1
        && query.offset() + query.limit() <= MERGED_PAGE_DEPTH;
  }

  private List<Alert> mergedPerStatus(AlertQuery query, Map<AlertStatus, Long> counts) {
    long depth = query.offset() + query.limit();
    List<Alert> merged = new ArrayList<>();
    for (AlertStatus status : query.statuses()) {
      if (counts.getOrDefault(status, 0L) == 0) {
        continue;
      }
      merged.addAll(
          selectAlerts()
              .where(filters.allButStatus(query).and(alerts.status.eq(status.word())))
              .orderBy(filters.order(query.sort()))
              .limit(depth)
              .fetch(rows::alert));
    }
    return merged.stream()
        .sorted(AlertQueries.order(query.sort()))
        .skip(query.offset())
        .limit(query.limit())
        .toList();
  }

  AlertStats stats(AlertQuery query) {
    Map<AlertStatus, Long> byStatus = zeros(AlertStatus.class);
    Map<Severity, Long> bySeverity = zeros(Severity.class);
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Long> bySource = new TreeMap<>();
    long total = 0;
    for (Group group : groups(query)) {
      long n = group.n();
      total += n;
      byStatus.merge(AlertRows.status(group.status()), n, Long::sum);
      bySeverity.merge(AlertRows.severity(group.severity()), n, Long::sum);
      byType.merge(group.type(), n, Long::sum);
      bySource.merge(group.source(), n, Long::sum);
    }
    return new AlertStats(total, byStatus, bySeverity, byType, bySource);
  }

  List<Alert> findByIds(Collection<Long> ids) {
    return selectAlerts().where(alerts.id.in(ids)).fetch(rows::alert);
  }

  Optional<Alert> findById(long id) {
    return selectAlerts().where(alerts.id.eq(id)).fetchOptional(rows::alert);
  }

  Optional<Alert> findActive(String fingerprint) {
    return selectAlerts()
        .where(
            alerts.fingerprint.eq(fingerprint),
            alerts.status.in(AlertStatus.OPEN.word(), AlertStatus.ACKNOWLEDGED.word()))
        .fetchOptional(rows::alert);
  }

  List<Alert> loadActive() {
    return selectAlerts()
        .where(alerts.status.in(AlertStatus.OPEN.word(), AlertStatus.ACKNOWLEDGED.word()))
        .orderBy(alerts.id)
        .fetch(rows::alert);
  }

  List<Alert> loadActive(int partition) {
    return selectAlerts()
        .where(
            alerts.enginePartition.eq((long) partition),
            alerts.status.in(AlertStatus.OPEN.word(), AlertStatus.ACKNOWLEDGED.word()))
        .orderBy(alerts.id)
        .fetch(rows::alert);
  }

  /**
   * As {@link #loadActive(int)} ({@link #loadActive()} when {@code partition} is null), one alert
   * at a time from a cursor, so that no list of them all is held.
   */
  void forEachActive(@Nullable Integer partition, Consumer<? super Alert> each) {
    Condition active = alerts.status.in(AlertStatus.OPEN.word(), AlertStatus.ACKNOWLEDGED.word());
    Condition where =
        partition == null ? active : active.and(alerts.enginePartition.eq((long) partition));
    try (Cursor<Record> cursor =
        selectAlerts().where(where).orderBy(alerts.id).fetchSize(1_000).fetchLazy()) {
      for (Record row : cursor) {
        each.accept(rows.alert(row));
      }
    }
  }

  long maxAlertId() {
    AlertTables.AlertIds ids = tables.alertIds;
    Long recorded = dsl.select(ids.lastId).from(ids.table).fetchOne(0, Long.class);
    Long stored = dsl.select(DSL.max(alerts.id)).from(alerts.table).fetchOne(0, Long.class);
    return Math.max(recorded == null ? 0 : recorded, stored == null ? 0 : stored);
  }

  /** Final alerts that became final before the cutoff, oldest first (index alerts_final_since). */
  List<Long> finalAlertsBefore(Instant cutoff, int limit) {
    return dsl.select(alerts.id)
        .from(alerts.table)
        .where(
            alerts.status.in(
                AlertStatus.RESOLVED.word(),
                AlertStatus.DISMISSED.word(),
                AlertStatus.EXPIRED.word()),
            alerts.resolvedAt.lt(cutoff))
        .orderBy(alerts.resolvedAt, alerts.id)
        .limit(limit)
        .fetch(alerts.id);
  }

  List<HistoryEntry> history(long alertId) {
    AlertTables.History history = tables.history;
    return dsl.select(history.insertColumns())
        .from(history.table)
        .where(history.alertId.eq(alertId))
        .orderBy(history.version, history.id)
        .fetch(rows::historyEntry);
  }

  List<AlertChange> changesAfter(long position, int limit) {
    AlertTables.History history = tables.history;
    List<SelectField<?>> selection = new ArrayList<>(rows.alertSelection());
    selection.add(history.feedPosition);
    selection.addAll(history.insertColumns());
    return dsl.select(selection)
        .from(history.table)
        .join(alerts.withOccurrences())
        .on(alerts.id.eq(history.alertId))
        .leftJoin(tables.subjects.table)
        .on(tables.subjects.type.eq(alerts.subjectType), tables.subjects.key.eq(alerts.subjectKey))
        .where(history.feedPosition.gt(position))
        .orderBy(history.feedPosition)
        .limit(limit)
        .fetch(
            row ->
                new AlertChange(
                    row.get(history.feedPosition), rows.historyEntry(row), rows.alert(row)));
  }

  long lastPosition() {
    AlertTables.History history = tables.history;
    // The condition lets SQLite answer from the partial index on feed_position (one seek);
    // without it SQLite scans the whole history, on every notification round.
    Long last =
        dsl.select(DSL.max(history.feedPosition))
            .from(history.table)
            .where(history.feedPosition.isNotNull())
            .fetchOne(0, Long.class);
    return last == null ? 0 : last;
  }

  Optional<Subject> findSubject(String type, String key) {
    AlertTables.Subjects subjects = tables.subjects;
    return dsl.select(subjects.columns())
        .from(subjects.table)
        .where(subjects.type.eq(type), subjects.key.eq(key))
        .fetchOptional(rows::subject);
  }

  /** How many alerts match the query's filters but its statuses, per status. */
  private Map<AlertStatus, Long> countByStatus(AlertQuery query) {
    Map<AlertStatus, Long> counts = zeros(AlertStatus.class);
    for (Group group : groups(query.withStatuses(Set.of()))) {
      counts.merge(AlertRows.status(group.status()), group.n(), Long::sum);
    }
    return counts;
  }

  /** One group of alerts of the same status, severity, type and source. */
  private record Group(String status, String severity, String type, String source, long n) {}

  /**
   * The query's matches grouped four ways: read from a counts table when the filters allow, else
   * one scan of the matching alerts.
   */
  private List<Group> groups(AlertQuery query) {
    AlertTables.AlertCounts summary =
        AlertFilters.countable(query)
            ? tables.alertCounts
            : AlertFilters.countableByTime(query) ? tables.alertTimeCounts : null;
    if (summary != null) {
      Field<Long> n = DSL.sum(summary.n).cast(Long.class);
      return dsl.select(summary.status, summary.severity, summary.type, summary.source, n)
          .from(summary.table)
          .where(filters.onCounts(summary, query))
          .groupBy(summary.status, summary.severity, summary.type, summary.source)
          .fetch(
              row ->
                  new Group(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
    }
    Field<Integer> count = DSL.count();
    return dsl.select(alerts.status, alerts.severity, alerts.type, alerts.source, count)
        .from(alerts.table)
        .where(filters.all(query))
        .groupBy(alerts.status, alerts.severity, alerts.type, alerts.source)
        .fetch(
            row -> new Group(row.value1(), row.value2(), row.value3(), row.value4(), row.value5()));
  }

  private SelectJoinStep<Record> selectAlerts() {
    AlertTables.Subjects subjects = tables.subjects;
    return dsl.select(rows.alertSelection())
        .from(alerts.withOccurrences())
        .leftJoin(subjects.table)
        .on(subjects.type.eq(alerts.subjectType), subjects.key.eq(alerts.subjectKey));
  }

  private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
    Map<E, Long> map = new EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      map.put(constant, 0L);
    }
    return map;
  }
}
