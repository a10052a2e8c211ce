package io.klaxon.store.jdbc.mapping;

import io.klaxon.mapping.ActiveMappings;
import io.klaxon.mapping.AuditAction;
import io.klaxon.mapping.AuditPage;
import io.klaxon.mapping.AuditQuery;
import io.klaxon.mapping.MappingAuditEntry;
import io.klaxon.mapping.MappingPage;
import io.klaxon.mapping.MappingQuery;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.UnmappedMarket;
import io.klaxon.mapping.UnmappedPage;
import io.klaxon.mapping.UnmappedQuery;
import io.klaxon.mapping.UnmappedStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * The registry's reads. Each takes the {@link DSLContext} to read with, so that a transaction reads
 * what it has written.
 */
final class MappingReader {

  private final MappingTables tables;
  private final MappingTables.Mappings m;
  private final MappingRows rows;

  MappingReader(MappingTables tables, MappingRows rows) {
    this.tables = tables;
    this.m = tables.mappings;
    this.rows = rows;
  }

  long revision(DSLContext dsl) {
    MappingTables.Revision r = tables.revision;
    Long revision = dsl.select(r.revision).from(r.table).fetchOne(r.revision);
    return revision == null ? 0 : revision;
  }

  ActiveMappings loadActive(DSLContext dsl) {
    // The revision first: the mappings read next are at least that new.
    long revision = revision(dsl);
    return new ActiveMappings(revision, mappings(dsl, active(true), List.of(m.id.asc())));
  }

  Optional<MarketMapping> findById(DSLContext dsl, long id) {
    return mappings(dsl, m.id.eq(id), List.of()).stream().findFirst();
  }

  Optional<MarketMapping> findByCanonicalId(DSLContext dsl, String canonicalId) {
    return mappings(dsl, m.canonicalId.eq(canonicalId), List.of()).stream().findFirst();
  }

  List<MarketMapping> all(DSLContext dsl) {
    return mappings(dsl, DSL.noCondition(), List.of(m.canonicalId.asc()));
  }

  MappingPage find(DSLContext dsl, MappingQuery query) {
    List<Condition> conditions = new ArrayList<>();
    if (query.active() != null) {
      conditions.add(active(query.active()));
    }
    if (!query.sources().isEmpty()) {
      MappingTables.SourceIds s = tables.sourceIds;
      conditions.add(
          DSL.exists(
              DSL.selectOne()
                  .from(s.table)
                  .where(s.mappingId.eq(m.id), s.source.in(query.sources()))));
    }
    String text = query.text();
    if (text != null) {
      // containsIgnoreCase escapes LIKE's wildcards: "1_5" means the text 1_5.
      conditions.add(m.canonicalId.containsIgnoreCase(text).or(m.name.containsIgnoreCase(text)));
    }
    Condition where = DSL.and(conditions);
    var page =
        dsl.select(rows.mappingColumns())
            .from(m.table)
            .where(where)
            .orderBy(m.priority.desc(), m.canonicalId.asc(), m.id.asc())
            .limit(query.limit())
            .offset(query.offset())
            .fetch();
    long total = dsl.fetchCount(m.table, where);
    return new MappingPage(rows.mappings(dsl, page), total);
  }

  List<MappingAuditEntry> auditOf(DSLContext dsl, long mappingId) {
    MappingTables.Audit a = tables.audit;
    return dsl.select(rows.auditColumns())
        .from(a.table)
        .where(a.mappingId.eq(mappingId))
        .orderBy(a.id.asc())
        .fetch(rows::auditEntry);
  }

  AuditPage audit(DSLContext dsl, AuditQuery query) {
    MappingTables.Audit a = tables.audit;
    List<Condition> conditions = new ArrayList<>();
    if (!query.actions().isEmpty()) {
      conditions.add(a.action.in(query.actions().stream().map(AuditAction::name).toList()));
    }
    if (query.canonicalId() != null) {
      conditions.add(a.canonicalId.eq(query.canonicalId()));
    }
    if (query.from() != null) {
      conditions.add(a.at.ge(query.from()));
    }
    if (query.to() != null) {
      conditions.add(a.at.lt(query.to()));
    }
    Condition where = DSL.and(conditions);
    List<MappingAuditEntry> entries =
        dsl.select(rows.auditColumns())
            .from(a.table)
            .where(where)
            .orderBy(a.at.desc(), a.id.desc())
            .limit(query.limit())
            .offset(query.offset())
            .fetch(rows::auditEntry);
    return new AuditPage(entries, dsl.fetchCount(a.table, where));
  }

  Optional<UnmappedMarket> findUnmapped(DSLContext dsl, long id) {
    MappingTables.Unmapped u = tables.unmapped;
    return dsl.select(rows.unmappedColumns())
        .from(u.table)
        .where(u.id.eq(id))
        .fetchOptional(rows::unmapped);
  }

  UnmappedPage findUnmapped(DSLContext dsl, UnmappedQuery query) {
    MappingTables.Unmapped u = tables.unmapped;
    List<Condition> conditions = new ArrayList<>();
    if (!query.sources().isEmpty()) {
      conditions.add(u.source.in(query.sources()));
    }
    if (!query.statuses().isEmpty()) {
      conditions.add(u.status.in(query.statuses().stream().map(UnmappedStatus::name).toList()));
    }
    Condition where = DSL.and(conditions);
    List<SortField<?>> order =
        switch (query.sort()) {
          case OCCURRENCES_DESC -> List.of(u.occurrenceCount.desc(), u.id.desc());
          case OCCURRENCES_ASC -> List.of(u.occurrenceCount.asc(), u.id.asc());
          case LAST_SEEN_AT_DESC -> List.of(u.lastSeenAt.desc(), u.id.desc());
          case LAST_SEEN_AT_ASC -> List.of(u.lastSeenAt.asc(), u.id.asc());
        };
    List<UnmappedMarket> markets =
        dsl.select(rows.unmappedColumns())
            .from(u.table)
            .where(where)
            .orderBy(order)
            .limit(query.limit())
            .offset(query.offset())
            .fetch(rows::unmapped);
    return new UnmappedPage(markets, dsl.fetchCount(u.table, where));
  }

  /**
   * Active or inactive mappings. The value is inlined, not bound: SQLite uses a partial index
   * ({@code WHERE active = 1}) only when the query says the same in its text.
   */
  private Condition active(boolean active) {
    return m.active.eq(DSL.inline(active));
  }

  private List<MarketMapping> mappings(DSLContext dsl, Condition where, List<SortField<?>> order) {
    return rows.mappings(
        dsl, dsl.select(rows.mappingColumns()).from(m.table).where(where).orderBy(order).fetch());
  }
}
