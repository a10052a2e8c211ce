-- Host health (seed 002) on SQLite: servers, their alert states, and saved settings.
--
-- A server is a subject: its row references subjects ('server', id), and its alert states
-- reference the server, both ON DELETE CASCADE. Deleting the subject server/{id} (the alert
-- engine's purge) therefore deletes, in one statement of one transaction, the server's alerts
-- and their history (V1), the server row and its alert states.
-- Types and timestamps as in V1: STRICT tables, INTEGER microseconds since the epoch, TEXT JSON.

CREATE TABLE servers (
  id              TEXT    PRIMARY KEY,
  -- Always 'server': it exists so that the foreign key can name the subject's whole key.
  subject_type    TEXT    NOT NULL DEFAULT 'server' CHECK (subject_type = 'server'),
  hostname        TEXT    NOT NULL,
  display_name    TEXT    NOT NULL,
  tags            TEXT    NOT NULL DEFAULT '[]',
  auto_registered INTEGER NOT NULL DEFAULT 0 CHECK (auto_registered IN (0, 1)),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  FOREIGN KEY (subject_type, id) REFERENCES subjects (type, key) ON DELETE CASCADE
) STRICT;

-- Kept apart from the alerts, as seed 002 has it: the detector's memory per server and check
-- (cpu, memory, disk, offline; service_down per service). Not the truth about alerts: the
-- detector reconciles a state with the active alert of its fingerprint before using it.
CREATE TABLE alert_states (
  server_id            TEXT    NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
  type                 TEXT    NOT NULL
                       CHECK (type IN ('cpu', 'memory', 'disk', 'offline', 'service_down')),
  -- The service's name for service_down, '' for the others (a key column cannot be null).
  service              TEXT    NOT NULL DEFAULT '',
  consecutive_breaches INTEGER NOT NULL,
  consecutive_clears   INTEGER NOT NULL,
  level                TEXT    NOT NULL CHECK (level IN ('none', 'high', 'critical')),
  last_value           REAL,
  first_breach_at      INTEGER,
  last_signal_at       INTEGER,
  alert_severity       TEXT
                       CHECK (alert_severity IN ('critical', 'high', 'medium', 'low', 'info')),
  -- No foreign key: a cached id, which retention may outlive; the alerts table is the truth.
  active_alert_id      INTEGER,
  last_alert_at        INTEGER,
  last_resolved_at     INTEGER,
  PRIMARY KEY (server_id, type, service)
) STRICT;

-- Settings saved through the API, one JSON document per section ('hosts'); a section without
-- a row runs on its configured defaults.
CREATE TABLE settings (
  section    TEXT    PRIMARY KEY,
  value      TEXT    NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
