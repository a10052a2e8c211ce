package io.klaxon.store.jdbc.mapping;

import io.klaxon.mapping.MarketMapping;
import io.klaxon.problem.Conflict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Finds what a mapping to be saved would clash with, and names it in a {@link Conflict}. */
final class MappingConflicts {

  private final DSLContext tx;
  private final MappingTables.Mappings m;
  private final MappingTables.SourceIds s;

  MappingConflicts(DSLContext tx, MappingTables tables) {
    this.tx = tx;
    this.m = tables.mappings;
    this.s = tables.sourceIds;
  }

  /**
   * @throws Conflict naming {@code canonicalId} when another mapping (active or not) has it, or
   *     {@code sourceIds.<source>} when the mapping is active and another active mapping holds one
   *     of its source ids
   */
  void check(MarketMapping mapping) {
    Record owner =
        tx.select(m.id, m.active)
            .from(m.table)
            .where(m.canonicalId.eq(mapping.canonicalId()), m.id.ne(mapping.id()))
            .fetchOne();
    if (owner != null) {
      throw new Conflict(
          "canonicalId",
          "canonicalId '"
              + mapping.canonicalId()
              + "' is already used by "
              + (owner.get(m.active) ? "" : "inactive ")
              + "mapping "
              + owner.get(m.id));
    }
    if (!mapping.active() || mapping.sourceIds().isEmpty()) {
      return;
    }
    List<Condition> wanted = new ArrayList<>();
    for (Map.Entry<String, String> id : mapping.sourceIds().entrySet()) {
      wanted.add(s.source.eq(id.getKey()).and(s.externalId.eq(id.getValue())));
    }
    Record clash =
        tx.select(s.source, s.externalId, m.id, m.canonicalId)
            .from(s.table)
            .join(m.table)
            .on(m.id.eq(s.mappingId))
            // Inlined, as in MappingReader: SQLite then uses the partial unique index.
            .where(s.active.eq(DSL.inline(true)), s.mappingId.ne(mapping.id()), DSL.or(wanted))
            .orderBy(s.source)
            .limit(1)
            .fetchOne();
    if (clash != null) {
      throw new Conflict(
          "sourceIds." + clash.get(s.source),
          clash.get(s.source)
              + " market '"
              + clash.get(s.externalId)
              + "' is already mapped by active mapping '"
              + clash.get(m.canonicalId)
              + "' (id "
              + clash.get(m.id)
              + ")");
    }
  }
}
