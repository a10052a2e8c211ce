package io.klaxon.store.jdbc.mapping;

import io.klaxon.mapping.AuditAction;
import io.klaxon.mapping.MappingAuditEntry;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.UnmappedMarket;
import io.klaxon.mapping.UnmappedStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;

/**
 * Rows of the registry's tables to the mapping model: the one place that knows which goes where.
 */
final class MappingRows {

  /** Ids per {@code IN} list: well under the bind limits of both databases. */
  private static final int CHUNK = 1000;

  private final MappingTables.Mappings m;
  private final MappingTables.SourceIds s;
  private final MappingTables.Audit a;
  private final MappingTables.Unmapped u;

  MappingRows(MappingTables tables) {
    this.m = tables.mappings;
    this.s = tables.sourceIds;
    this.a = tables.audit;
    this.u = tables.unmapped;
  }

  List<Field<?>> mappingColumns() {
    return List.of(
        m.id,
        m.canonicalId,
        m.name,
        m.outcomeMapping,
        m.priority,
        m.active,
        m.createdAt,
        m.updatedAt,
        m.createdBy);
  }

  List<Field<?>> auditColumns() {
    return List.of(
        a.id,
        a.mappingId,
        a.canonicalId,
        a.action,
        a.oldValue,
        a.newValue,
        a.reason,
        a.actor,
        a.at);
  }

  List<Field<?>> unmappedColumns() {
    return List.of(
        u.id,
        u.source,
        u.externalMarketId,
        u.marketName,
        u.sampleOutcomes,
        u.firstSeenAt,
        u.lastSeenAt,
        u.occurrenceCount,
        u.status,
        u.notes,
        u.mappingId);
  }

  /** Mappings of selected {@link #mappingColumns()} rows, in their order, with their source ids. */
  List<MarketMapping> mappings(DSLContext dsl, Result<Record> rows) {
    Map<Long, Map<String, String>> ids = sourceIds(dsl, rows.getValues(m.id));
    List<MarketMapping> mappings = new ArrayList<>(rows.size());
    for (Record row : rows) {
      long id = row.get(m.id);
      mappings.add(
          new MarketMapping(
              id,
              row.get(m.canonicalId),
              row.get(m.name),
              ids.getOrDefault(id, Map.of()),
              MappingJson.readOutcomes(row.get(m.outcomeMapping)),
              row.get(m.priority),
              row.get(m.active),
              row.get(m.createdAt),
              row.get(m.updatedAt),
              row.get(m.createdBy)));
    }
    return mappings;
  }

  MappingAuditEntry auditEntry(Record row) {
    String old = row.get(a.oldValue);
    return new MappingAuditEntry(
        row.get(a.id),
        row.get(a.mappingId),
        row.get(a.canonicalId),
        AuditAction.valueOf(row.get(a.action)),
        old == null ? null : MappingJson.readMapping(old),
        MappingJson.readMapping(row.get(a.newValue)),
        row.get(a.reason),
        row.get(a.actor),
        row.get(a.at));
  }

  UnmappedMarket unmapped(Record row) {
    return new UnmappedMarket(
        row.get(u.id),
        row.get(u.source),
        row.get(u.externalMarketId),
        row.get(u.marketName),
        MappingJson.readStrings(row.get(u.sampleOutcomes)),
        row.get(u.firstSeenAt),
        row.get(u.lastSeenAt),
        row.get(u.occurrenceCount),
        UnmappedStatus.valueOf(row.get(u.status)),
        row.get(u.notes),
        row.get(u.mappingId));
  }

  private Map<Long, Map<String, String>> sourceIds(DSLContext dsl, List<Long> mappingIds) {
    Map<Long, Map<String, String>> ids = new HashMap<>();
    for (int from = 0; from < mappingIds.size(); from += CHUNK) {
      List<Long> chunk = mappingIds.subList(from, Math.min(mappingIds.size(), from + CHUNK));
      dsl.select(s.mappingId, s.source, s.externalId)
          .from(s.table)
          .where(s.mappingId.in(chunk))
          .forEach(
              row ->
                  ids.computeIfAbsent(row.get(s.mappingId), id -> new TreeMap<>())
                      .put(row.get(s.source), row.get(s.externalId)));
    }
    return ids;
  }
}
