-- The market mapping registry on SQLite (seed 003): mappings, the ids each source gives them,
-- the audit log of every change, and the log of markets seen with no mapping.
--
-- Types as in V1: STRICT tables, INTEGER microsecond timestamps, TEXT JSON, INTEGER 0/1 booleans.
-- Text lengths (MappingLimits) are enforced by the core. No row is ever deleted: a mapping is
-- deactivated (soft delete), so plain rowid ids are never reused.

CREATE TABLE market_mappings (
  id              INTEGER PRIMARY KEY,
  canonical_id    TEXT    NOT NULL UNIQUE,
  name            TEXT    NOT NULL,
  outcome_mapping TEXT    NOT NULL DEFAULT '[]',
  priority        INTEGER NOT NULL DEFAULT 0,
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  created_by      TEXT    NOT NULL
) STRICT;

-- The active mappings in list order; the lookup cache loads them at start and after changes.
CREATE INDEX market_mappings_active ON market_mappings (priority DESC, canonical_id)
  WHERE active = 1;

-- A mapping's id at each source (the seed's betpawa_id, sportybet_id, bet9ja_key columns, for
-- any number of sources). `active` mirrors the mapping's, so that the partial unique index can
-- say: among active mappings, one (source, external id) belongs to one mapping.
CREATE TABLE mapping_source_ids (
  mapping_id  INTEGER NOT NULL REFERENCES market_mappings (id),
  source      TEXT    NOT NULL,
  external_id TEXT    NOT NULL,
  active      INTEGER NOT NULL CHECK (active IN (0, 1)),
  PRIMARY KEY (mapping_id, source)
) STRICT;

CREATE UNIQUE INDEX mapping_source_ids_active ON mapping_source_ids (source, external_id)
  WHERE active = 1;
-- Mappings by source, active or not (the list's source filter).
CREATE INDEX mapping_source_ids_source ON mapping_source_ids (source, mapping_id);

CREATE TABLE mapping_audit_log (
  id           INTEGER PRIMARY KEY,
  mapping_id   INTEGER NOT NULL REFERENCES market_mappings (id),
  canonical_id TEXT    NOT NULL,
  action       TEXT    NOT NULL
               CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'ACTIVATE', 'DEACTIVATE')),
  old_value    TEXT,
  new_value    TEXT    NOT NULL,
  reason       TEXT,
  actor        TEXT    NOT NULL,
  at           INTEGER NOT NULL
) STRICT;

CREATE INDEX mapping_audit_log_mapping ON mapping_audit_log (mapping_id, id);
CREATE INDEX mapping_audit_log_canonical ON mapping_audit_log (canonical_id, at DESC, id DESC);
CREATE INDEX mapping_audit_log_action ON mapping_audit_log (action, at DESC, id DESC);
CREATE INDEX mapping_audit_log_at ON mapping_audit_log (at DESC, id DESC);

CREATE TABLE unmapped_markets (
  id                 INTEGER PRIMARY KEY,
  source             TEXT    NOT NULL,
  external_market_id TEXT    NOT NULL,
  market_name        TEXT,
  sample_outcomes    TEXT    NOT NULL DEFAULT '[]',
  first_seen_at      INTEGER NOT NULL,
  last_seen_at       INTEGER NOT NULL,
  occurrence_count   INTEGER NOT NULL,
  status             TEXT    NOT NULL DEFAULT 'NEW'
                     CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'MAPPED', 'IGNORED')),
  notes              TEXT,
  mapping_id         INTEGER REFERENCES market_mappings (id),
  -- The upsert's conflict target: one row per market, whose count grows.
  UNIQUE (source, external_market_id)
) STRICT;

CREATE INDEX unmapped_markets_occurrences ON unmapped_markets (occurrence_count DESC, id DESC);
CREATE INDEX unmapped_markets_last_seen ON unmapped_markets (last_seen_at DESC, id DESC);
CREATE INDEX unmapped_markets_status ON unmapped_markets (status, occurrence_count DESC, id DESC);

-- One row, bumped first by every mapping change: it takes the write lock at the start of the
-- transaction (so reads that follow are current and never need a lock upgrade), and caches in
-- other processes compare it to know when to reload.
CREATE TABLE mapping_revision (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  revision  INTEGER NOT NULL
) STRICT;

INSERT INTO mapping_revision (singleton, revision) VALUES (1, 0);
