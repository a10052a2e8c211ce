-- Alerts, their history and their subjects on SQLite.
--
-- Types: STRICT tables, so a wrong bind type fails instead of being stored as something else.
-- Timestamps are INTEGER microseconds since the epoch (UTC): they compare and sort as numbers,
-- and the engine keeps microseconds, so round trips are exact. JSON is TEXT.
-- Text lengths (AlertCommand.Limits) are enforced by the engine; SQLite has no VARCHAR(n).
-- Connection settings (foreign_keys, busy_timeout) are per connection and come from the JDBC
-- URL: see Dialect.sqliteUrl. WAL is set by JdbcAlertStore.open (it is kept in the file).

CREATE TABLE subjects (
  type       TEXT    NOT NULL,
  key        TEXT    NOT NULL,
  name       TEXT    NOT NULL,
  starts_at  INTEGER,
  attributes TEXT    NOT NULL DEFAULT '{}',
  PRIMARY KEY (type, key)
) STRICT;

CREATE TABLE alerts (
  -- A rowid alias: the engine assigns ids, and lookups by id need no second index.
  id                INTEGER PRIMARY KEY,
  fingerprint       TEXT    NOT NULL,
  source            TEXT    NOT NULL,
  type              TEXT    NOT NULL,
  severity          TEXT    NOT NULL
                    CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
  status            TEXT    NOT NULL
                    CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed', 'expired')),
  title             TEXT    NOT NULL,
  message           TEXT,
  subject_type      TEXT,
  subject_key       TEXT,
  subject_name      TEXT,
  value             REAL,
  previous_value    REAL,
  threshold         REAL,
  change_percent    REAL,
  attributes        TEXT    NOT NULL DEFAULT '{}',
  occurrences       INTEGER NOT NULL,
  detected_at       INTEGER NOT NULL,
  last_seen_at      INTEGER NOT NULL,
  acknowledged_at   INTEGER,
  resolved_at       INTEGER,
  expires_at        INTEGER,
  auto_resolved     INTEGER NOT NULL DEFAULT 0 CHECK (auto_resolved IN (0, 1)),
  previous_severity TEXT
                    CHECK (previous_severity IN ('critical', 'high', 'medium', 'low', 'info')),
  version           INTEGER NOT NULL,
  FOREIGN KEY (subject_type, subject_key) REFERENCES subjects (type, key) ON DELETE CASCADE
) STRICT;

-- A subject's alerts by status (event page badges, server pages); also serves the cascade.
CREATE INDEX alerts_subject_status ON alerts (subject_type, subject_key, status);
-- The console's lists by status, newest first.
CREATE INDEX alerts_status_detected ON alerts (status, detected_at DESC, id DESC);
-- Housekeeping: alerts whose deadline (kick-off) has passed.
CREATE INDEX alerts_expires ON alerts (expires_at);
-- The default list order, ending on id as every sort does.
CREATE INDEX alerts_detected ON alerts (detected_at DESC, id DESC);
-- At most one active alert per fingerprint, even with several writers.
CREATE UNIQUE INDEX alerts_active_fingerprint ON alerts (fingerprint)
  WHERE status IN ('open', 'acknowledged');

CREATE TABLE alert_history (
  -- Assigned by SQLite (rowid alias). No AUTOINCREMENT: order is by (alert_id, version), so a
  -- reused id after a purge is harmless and the extra bookkeeping table is not worth it.
  id          INTEGER PRIMARY KEY,
  alert_id    INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  from_status TEXT,
  to_status   TEXT    NOT NULL,
  changes     TEXT    NOT NULL DEFAULT '[]',
  note        TEXT
) STRICT;

CREATE INDEX alert_history_alert_version ON alert_history (alert_id, version);

-- The largest alert id ever committed. Alerts are deleted (retention, a deleted subject), but
-- their ids must not be handed out again: clients and the lake history refer to them.
CREATE TABLE alert_ids (
  singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_id   INTEGER NOT NULL
) STRICT;

INSERT INTO alert_ids (singleton, last_id) VALUES (1, 0);
