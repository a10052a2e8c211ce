package io.klaxon.store.jdbc.mapping;

import static io.klaxon.store.jdbc.Columns.column;
import static io.klaxon.store.jdbc.Columns.text;
import static org.jooq.impl.DSL.name;

import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.alert.AlertTables;
import java.time.Instant;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The mapping registry's tables and columns (migration V2), written by hand like {@link
 * AlertTables} and typed for one dialect: timestamps are {@code Field<Instant>}, JSON is {@code
 * Field<String>}.
 */
final class MappingTables {

  final Mappings mappings;
  final SourceIds sourceIds;
  final Audit audit;
  final Unmapped unmapped;
  final Revision revision = new Revision();

  MappingTables(Dialect dialect) {
    DataType<Instant> time = dialect.timestamp();
    DataType<String> json = dialect.json();
    mappings = new Mappings(time, json);
    sourceIds = new SourceIds();
    audit = new Audit(time, json);
    unmapped = new Unmapped(time, json);
  }

  /** {@code market_mappings}: one row per mapping, never deleted. */
  static final class Mappings {
    static final String NAME = "market_mappings";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> id = column(NAME, "id", SQLDataType.BIGINT);
    final Field<String> canonicalId = text(NAME, "canonical_id");
    final Field<String> name = text(NAME, "name");
    final Field<String> outcomeMapping;
    final Field<Integer> priority = column(NAME, "priority", SQLDataType.INTEGER);
    final Field<Boolean> active = column(NAME, "active", SQLDataType.BOOLEAN);
    final Field<Instant> createdAt;
    final Field<Instant> updatedAt;
    final Field<String> createdBy = text(NAME, "created_by");

    private Mappings(DataType<Instant> time, DataType<String> json) {
      outcomeMapping = column(NAME, "outcome_mapping", json);
      createdAt = column(NAME, "created_at", time);
      updatedAt = column(NAME, "updated_at", time);
    }
  }

  /** {@code mapping_source_ids}: a mapping's id at each source; unique among active ones. */
  static final class SourceIds {
    static final String NAME = "mapping_source_ids";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> mappingId = column(NAME, "mapping_id", SQLDataType.BIGINT);
    final Field<String> source = text(NAME, "source");
    final Field<String> externalId = text(NAME, "external_id");
    final Field<Boolean> active = column(NAME, "active", SQLDataType.BOOLEAN);
  }

  /** {@code mapping_audit_log}: one row per change of a mapping, append-only. */
  static final class Audit {
    static final String NAME = "mapping_audit_log";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> id = column(NAME, "id", SQLDataType.BIGINT);
    final Field<Long> mappingId = column(NAME, "mapping_id", SQLDataType.BIGINT);
    final Field<String> canonicalId = text(NAME, "canonical_id");
    final Field<String> action = text(NAME, "action");
    final Field<String> oldValue;
    final Field<String> newValue;
    final Field<String> reason = text(NAME, "reason");
    final Field<String> actor = text(NAME, "actor");
    final Field<Instant> at;

    private Audit(DataType<Instant> time, DataType<String> json) {
      oldValue = column(NAME, "old_value", json);
      newValue = column(NAME, "new_value", json);
      at = column(NAME, "at", time);
    }
  }

  /** {@code unmapped_markets}: one row per (source, market id) seen with no mapping. */
  static final class Unmapped {
    static final String NAME = "unmapped_markets";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> id = column(NAME, "id", SQLDataType.BIGINT);
    final Field<String> source = text(NAME, "source");
    final Field<String> externalMarketId = text(NAME, "external_market_id");
    final Field<String> marketName = text(NAME, "market_name");
    final Field<String> sampleOutcomes;
    final Field<Instant> firstSeenAt;
    final Field<Instant> lastSeenAt;
    final Field<Long> occurrenceCount = column(NAME, "occurrence_count", SQLDataType.BIGINT);
    final Field<String> status = text(NAME, "status");
    final Field<String> notes = text(NAME, "notes");
    final Field<Long> mappingId = column(NAME, "mapping_id", SQLDataType.BIGINT);

    private Unmapped(DataType<Instant> time, DataType<String> json) {
      sampleOutcomes = column(NAME, "sample_outcomes", json);
      firstSeenAt = column(NAME, "first_seen_at", time);
      lastSeenAt = column(NAME, "last_seen_at", time);
    }
  }

  /** {@code mapping_revision}: one row, bumped first by every mapping change. */
  static final class Revision {
    static final String NAME = "mapping_revision";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<Long> revision = column(NAME, "revision", SQLDataType.BIGINT);
  }
}
