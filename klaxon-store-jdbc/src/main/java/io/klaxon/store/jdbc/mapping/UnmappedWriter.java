package io.klaxon.store.jdbc.mapping;

import static org.jooq.impl.DSL.excluded;

import io.klaxon.mapping.UnmappedPatch;
import io.klaxon.mapping.UnmappedSighting;
import io.klaxon.mapping.UnmappedStatus;
import io.klaxon.problem.NotFound;
import io.klaxon.store.jdbc.RowInsert;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

/**
 * Writes the unmapped market log. Sightings are counted by one upsert per batch ({@code INSERT … ON
 * CONFLICT (source, external_market_id) DO UPDATE}, the same text on both databases): the database
 * adds to the stored count itself, so concurrent writers never lose one.
 */
final class UnmappedWriter {

  private static final Comparator<UnmappedSighting> LOCK_ORDER =
      Comparator.comparing(UnmappedSighting::source)
          .thenComparing(UnmappedSighting::externalMarketId);

  private final MappingTables.Unmapped u;
  private final List<Field<?>> columns;

  UnmappedWriter(MappingTables tables) {
    this.u = tables.unmapped;
    this.columns =
        List.of(
            u.source,
            u.externalMarketId,
            u.marketName,
            u.sampleOutcomes,
            u.firstSeenAt,
            u.lastSeenAt,
            u.occurrenceCount,
            u.status);
  }

  void record(DSLContext dsl, List<UnmappedSighting> sightings) {
    if (sightings.isEmpty()) {
      return;
    }
    // One row per market: a statement may not upsert the same row twice (PostgreSQL refuses).
    Map<UnmappedSighting.Key, UnmappedSighting> merged = new LinkedHashMap<>();
    for (UnmappedSighting sighting : sightings) {
      merged.merge(sighting.key(), sighting, UnmappedSighting::merge);
    }
    // Rows locked in one order by every writer: two batches cannot deadlock on PostgreSQL.
    List<UnmappedSighting> rows = new ArrayList<>(merged.values());
    rows.sort(LOCK_ORDER);
    dsl.transaction(
        configuration -> {
          for (List<UnmappedSighting> chunk : RowInsert.chunks(rows, columns.size())) {
            upsert(configuration.dsl(), chunk);
          }
        });
  }

  void update(DSLContext dsl, long id, UnmappedPatch patch) {
    Map<Field<?>, @Nullable Object> changes = new LinkedHashMap<>();
    UnmappedStatus status = patch.status();
    if (status != null) {
      changes.put(u.status, status.name());
    }
    String notes = patch.notes();
    if (notes != null) {
      changes.put(u.notes, notes.isEmpty() ? null : notes);
    }
    if (dsl.update(u.table).set(changes).where(u.id.eq(id)).execute() == 0) {
      throw new NotFound("unmapped market", id);
    }
  }

  private void upsert(DSLContext tx, List<UnmappedSighting> chunk) {
    InsertValuesStepN<Record> insert = tx.insertInto(u.table, columns);
    for (UnmappedSighting s : chunk) {
      insert =
          insert.values(
              s.source(),
              s.externalMarketId(),
              s.marketName(),
              MappingJson.strings(s.sampleOutcomes()),
              s.firstSeenAt(),
              s.lastSeenAt(),
              s.occurrences(),
              UnmappedStatus.NEW.name());
    }
    // Names and samples come from the latest sighting; an older batch written late keeps them.
    Condition newer = excluded(u.lastSeenAt).ge(u.lastSeenAt);
    Field<String> emptyList = DSL.val(MappingJson.strings(List.of()), u.sampleOutcomes);
    insert
        .onConflict(u.source, u.externalMarketId)
        .doUpdate()
        .set(u.occurrenceCount, u.occurrenceCount.plus(excluded(u.occurrenceCount)))
        .set(u.firstSeenAt, DSL.least(u.firstSeenAt, excluded(u.firstSeenAt)))
        .set(u.lastSeenAt, DSL.greatest(u.lastSeenAt, excluded(u.lastSeenAt)))
        .set(
            u.marketName,
            DSL.when(newer.and(excluded(u.marketName).isNotNull()), excluded(u.marketName))
                .otherwise(u.marketName))
        .set(
            u.sampleOutcomes,
            DSL.when(
                    newer.and(excluded(u.sampleOutcomes).ne(emptyList)), excluded(u.sampleOutcomes))
                .otherwise(u.sampleOutcomes))
        .execute();
  }
}
