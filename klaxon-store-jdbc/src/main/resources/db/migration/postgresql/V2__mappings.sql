-- The market mapping registry on PostgreSQL (seed 003): mappings, the ids each source gives
-- them, the audit log of every change, and the log of markets seen with no mapping.
--
-- Timestamps are timestamptz, JSON is jsonb. Text lengths follow MappingLimits. No row is ever
-- deleted: a mapping is deactivated (soft delete).

CREATE TABLE market_mappings (
  id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  canonical_id    varchar(100)  NOT NULL UNIQUE,
  name            varchar(255)  NOT NULL,
  outcome_mapping jsonb         NOT NULL DEFAULT '[]',
  priority        integer       NOT NULL DEFAULT 0,
  active          boolean       NOT NULL DEFAULT true,
  created_at      timestamptz   NOT NULL,
  updated_at      timestamptz   NOT NULL,
  created_by      varchar(255)  NOT NULL
);

-- The active mappings in list order; the lookup cache loads them at start and after changes.
CREATE INDEX market_mappings_active ON market_mappings (priority DESC, canonical_id)
  WHERE active;

-- A mapping's id at each source (the seed's betpawa_id, sportybet_id, bet9ja_key columns, for
-- any number of sources). `active` mirrors the mapping's, so that the partial unique index can
-- say: among active mappings, one (source, external id) belongs to one mapping.
CREATE TABLE mapping_source_ids (
  mapping_id  bigint        NOT NULL REFERENCES market_mappings (id),
  source      varchar(50)   NOT NULL,
  external_id varchar(100)  NOT NULL,
  active      boolean       NOT NULL,
  PRIMARY KEY (mapping_id, source)
);

CREATE UNIQUE INDEX mapping_source_ids_active ON mapping_source_ids (source, external_id)
  WHERE active;
-- Mappings by source, active or not (the list's source filter).
CREATE INDEX mapping_source_ids_source ON mapping_source_ids (source, mapping_id);

CREATE TABLE mapping_audit_log (
  id           bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mapping_id   bigint        NOT NULL REFERENCES market_mappings (id),
  canonical_id varchar(100)  NOT NULL,
  action       varchar(16)   NOT NULL
               CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'ACTIVATE', 'DEACTIVATE')),
  old_value    jsonb,
  new_value    jsonb         NOT NULL,
  reason       varchar(10000),
  actor        varchar(255)  NOT NULL,
  at           timestamptz   NOT NULL
);

CREATE INDEX mapping_audit_log_mapping ON mapping_audit_log (mapping_id, id);
CREATE INDEX mapping_audit_log_canonical ON mapping_audit_log (canonical_id, at DESC, id DESC);
CREATE INDEX mapping_audit_log_action ON mapping_audit_log (action, at DESC, id DESC);
CREATE INDEX mapping_audit_log_at ON mapping_audit_log (at DESC, id DESC);

CREATE TABLE unmapped_markets (
  id                 bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source             varchar(50)   NOT NULL,
  external_market_id varchar(100)  NOT NULL,
  market_name        varchar(255),
  sample_outcomes    jsonb         NOT NULL DEFAULT '[]',
  first_seen_at      timestamptz   NOT NULL,
  last_seen_at       timestamptz   NOT NULL,
  occurrence_count   bigint        NOT NULL,
  status             varchar(16)   NOT NULL DEFAULT 'NEW'
                     CHECK (status IN ('NEW', 'ACKNOWLEDGED', 'MAPPED', 'IGNORED')),
  notes              varchar(10000),
  mapping_id         bigint        REFERENCES market_mappings (id),
  -- The upsert's conflict target: one row per market, whose count grows.
  UNIQUE (source, external_market_id)
);

CREATE INDEX unmapped_markets_occurrences ON unmapped_markets (occurrence_count DESC, id DESC);
CREATE INDEX unmapped_markets_last_seen ON unmapped_markets (last_seen_at DESC, id DESC);
CREATE INDEX unmapped_markets_status ON unmapped_markets (status, occurrence_count DESC, id DESC);

-- One row, updated first by every mapping change: its row lock serializes mapping changes across
-- instances (so the conflict checks that follow see every committed change), and caches in other
-- instances compare it to know when to reload.
CREATE TABLE mapping_revision (
  singleton smallint PRIMARY KEY CHECK (singleton = 1),
  revision  bigint   NOT NULL
);

INSERT INTO mapping_revision (singleton, revision) VALUES (1, 0);
