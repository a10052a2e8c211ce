package io.klaxon.store.jdbc.mapping;

import io.klaxon.mapping.MappingChange;
import io.klaxon.mapping.MappingTransaction;
import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.UnmappedMarket;
import io.klaxon.mapping.UnmappedStatus;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import io.klaxon.store.jdbc.Dialect;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * One mapping transaction on the database. It runs after the revision row was bumped, so it holds
 * the lock that every other mapping change waits for: the conflict checks below see every committed
 * change, and the unique indexes are only the backstop.
 */
final class JdbcMappingTransaction implements MappingTransaction {

  private final DSLContext tx;
  private final Dialect dialect;
  private final MappingTables tables;
  private final MappingReader reader;

  JdbcMappingTransaction(
      DSLContext tx, Dialect dialect, MappingTables tables, MappingReader reader) {
    this.tx = tx;
    this.dialect = dialect;
    this.tables = tables;
    this.reader = reader;
  }

  @Override
  public Optional<MarketMapping> findById(long id) {
    return reader.findById(tx, id);
  }

  @Override
  public Optional<MarketMapping> findByCanonicalId(String canonicalId) {
    return reader.findByCanonicalId(tx, canonicalId);
  }

  @Override
  public Optional<UnmappedMarket> findUnmapped(long id) {
    return reader.findUnmapped(tx, id);
  }

  @Override
  public MarketMapping save(MappingChange change) {
    MarketMapping after = change.after();
    new MappingConflicts(tx, tables).check(after);
    try {
      MappingTables.Mappings m = tables.mappings;
      long id;
      if (change.before() == null) {
        Long assigned =
            tx.insertInto(m.table)
                .set(m.canonicalId, after.canonicalId())
                .set(m.name, after.name())
                .set(m.outcomeMapping, MappingJson.outcomes(after.outcomeMapping()))
                .set(m.priority, after.priority())
                .set(m.active, after.active())
                .set(m.createdAt, after.createdAt())
                .set(m.updatedAt, after.updatedAt())
                .set(m.createdBy, after.createdBy())
                .returningResult(m.id)
                .fetchOne(m.id);
        id = Objects.requireNonNull(assigned, "the database assigned no id");
      } else {
        id = after.id();
        tx.update(m.table)
            .set(m.canonicalId, after.canonicalId())
            .set(m.name, after.name())
            .set(m.outcomeMapping, MappingJson.outcomes(after.outcomeMapping()))
            .set(m.priority, after.priority())
            .set(m.active, after.active())
            .set(m.updatedAt, after.updatedAt())
            .where(m.id.eq(id))
            .execute();
      }
      MarketMapping saved = after.withId(id);
      replaceSourceIds(saved);
      audit(change, saved);
      return saved;
    } catch (DataAccessException e) {
      throw duplicateAsConflict(e, after);
    }
  }

  @Override
  public UnmappedMarket markMapped(long unmappedId, long mappingId) {
    MappingTables.Unmapped u = tables.unmapped;
    int updated =
        tx.update(u.table)
            .set(u.status, UnmappedStatus.MAPPED.name())
            .set(u.mappingId, mappingId)
            .where(u.id.eq(unmappedId))
            .execute();
    if (updated == 0) {
      throw new NotFound("unmapped market", unmappedId);
    }
    return reader.findUnmapped(tx, unmappedId).orElseThrow();
  }

  /** The source ids as rows of their own, carrying the mapping's active flag for the index. */
  private void replaceSourceIds(MarketMapping mapping) {
    MappingTables.SourceIds s = tables.sourceIds;
    tx.deleteFrom(s.table).where(s.mappingId.eq(mapping.id())).execute();
    if (mapping.sourceIds().isEmpty()) {
      return;
    }
    var insert = tx.insertInto(s.table, s.mappingId, s.source, s.externalId, s.active);
    for (var entry : mapping.sourceIds().entrySet()) {
      insert = insert.values(mapping.id(), entry.getKey(), entry.getValue(), mapping.active());
    }
    insert.execute();
  }

  private void audit(MappingChange change, MarketMapping saved) {
    MappingTables.Audit a = tables.audit;
    MarketMapping before = change.before();
    tx.insertInto(a.table)
        .set(a.mappingId, saved.id())
        .set(a.canonicalId, saved.canonicalId())
        .set(a.action, change.action().name())
        .set(a.oldValue, before == null ? null : MappingJson.mapping(before))
        .set(a.newValue, MappingJson.mapping(saved))
        .set(a.reason, change.edit().reason())
        .set(a.actor, change.edit().actor().name())
        .set(a.at, change.at())
        .execute();
  }

  /**
   * A unique index refused a row the checks let through: only possible if some writer skipped the
   * revision lock. Still a clash with what exists, so still a 409, never a 500.
   */
  private RuntimeException duplicateAsConflict(DataAccessException failure, MarketMapping after) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && dialect.isDuplicate(sql)) {
        boolean canonical = String.valueOf(sql.getMessage()).contains("canonical_id");
        return canonical
            ? new Conflict("canonicalId", "canonicalId '" + after.canonicalId() + "' is taken")
            : new Conflict("sourceIds", "a source id of the mapping is held by another mapping");
      }
    }
    return failure;
  }
}
