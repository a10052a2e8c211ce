package io.klaxon.store.jdbc;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.impl.DSL;

/** The store's reads: pages, counts, single alerts, history and subjects. */
final class AlertReader {

  private final DSLContext dsl;
  private final Tables tables;
  private final Tables.Alerts alerts;
  private final AlertRows rows;
  private final AlertFilters filters;

  AlertReader(DSLContext dsl, Tables tables, AlertRows rows, AlertFilters filters) {
    this.dsl = dsl;
    this.tables = tables;
    this.alerts = tables.alerts;
    this.rows = rows;
    this.filters = filters;
  }

  AlertPage find(AlertQuery query) {
    List<Alert> page =
        selectAlerts()
            .where(filters.all(query))
            .orderBy(filters.order(query.sort()))
            .limit(query.limit())
            .offset(query.offset())
            .fetch(rows::alert);
    Map<AlertStatus, Long> counts = countByStatus(filters.allButStatus(query));
    // The counts are taken under every other filter, so the total is their sum over the
    // statuses asked for: one query fewer.
    long total =
        counts.entrySet().stream()
            .filter(e -> query.statuses().isEmpty() || query.statuses().contains(e.getKey()))
            .mapToLong(Map.Entry::getValue)
            .sum();
    return new AlertPage(page, total, counts);
  }

  AlertStats stats(AlertQuery query) {
    Map<AlertStatus, Long> byStatus = zeros(AlertStatus.class);
    Map<Severity, Long> bySeverity = zeros(Severity.class);
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Long> bySource = new TreeMap<>();
    long total = 0;
    Field<Integer> count = DSL.count();
    // One scan grouped four ways at once; the few groups are folded into each breakdown here.
    var groups =
        dsl.select(alerts.status, alerts.severity, alerts.type, alerts.source, count)
            .from(alerts.table)
            .where(filters.all(query))
            .groupBy(alerts.status, alerts.severity, alerts.type, alerts.source)
            .fetch();
    for (Record group : groups) {
      long n = group.get(count);
      total += n;
      byStatus.merge(AlertRows.status(group.get(alerts.status)), n, Long::sum);
      bySeverity.merge(AlertRows.severity(group.get(alerts.severity)), n, Long::sum);
      byType.merge(group.get(alerts.type), n, Long::sum);
      bySource.merge(group.get(alerts.source), n, Long::sum);
    }
    return new AlertStats(total, byStatus, bySeverity, byType, bySource);
  }

  Optional<Alert> findById(long id) {
    return selectAlerts().where(alerts.id.eq(id)).fetchOptional(rows::alert);
  }

  List<Alert> loadActive() {
    return selectAlerts()
        .where(alerts.status.in(AlertStatus.OPEN.word(), AlertStatus.ACKNOWLEDGED.word()))
        .orderBy(alerts.id)
        .fetch(rows::alert);
  }

  long maxAlertId() {
    Tables.AlertIds ids = tables.alertIds;
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
                AlertStatus.RESOLVED.word(), AlertStatus.DISMISSED.word(),
                AlertStatus.EXPIRED.word()),
            alerts.resolvedAt.lt(cutoff))
        .orderBy(alerts.resolvedAt, alerts.id)
        .limit(limit)
        .fetch(alerts.id);
  }

  List<HistoryEntry> history(long alertId) {
    Tables.History history = tables.history;
    return dsl.select(history.insertColumns())
        .from(history.table)
        .where(history.alertId.eq(alertId))
        .orderBy(history.version, history.id)
        .fetch(rows::historyEntry);
  }

  Optional<Subject> findSubject(String type, String key) {
    Tables.Subjects subjects = tables.subjects;
    return dsl.select(subjects.columns())
        .from(subjects.table)
        .where(subjects.type.eq(type), subjects.key.eq(key))
        .fetchOptional(rows::subject);
  }

  private Map<AlertStatus, Long> countByStatus(Condition condition) {
    Map<AlertStatus, Long> counts = zeros(AlertStatus.class);
    Field<Integer> count = DSL.count();
    var groups =
        dsl.select(alerts.status, count).from(alerts.table).where(condition).groupBy(alerts.status);
    for (Record group : groups) {
      counts.put(AlertRows.status(group.get(alerts.status)), (long) group.get(count));
    }
    return counts;
  }

  private SelectJoinStep<Record> selectAlerts() {
    Tables.Subjects subjects = tables.subjects;
    return dsl.select(rows.alertSelection())
        .from(alerts.table)
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
