-- Host health (seed 002) on PostgreSQL: servers, their alert states, and saved settings.
--
-- A server is a subject: its row references subjects ('server', id), and its alert states
-- reference the server, both ON DELETE CASCADE. Deleting the subject server/{id} (the alert
-- engine's purge) therefore deletes, in one statement of one transaction, the server's alerts
-- and their history (V1), the server row and its alert states.

CREATE TABLE servers (
  id              varchar(255) PRIMARY KEY,
  -- Always 'server': it exists so that the foreign key can name the subject's whole key.
  subject_type    varchar(255) NOT NULL DEFAULT 'server' CHECK (subject_type = 'server'),
  hostname        varchar(255) NOT NULL,
  display_name    varchar(500) NOT NULL,
  tags            jsonb        NOT NULL DEFAULT '[]',
  auto_registered boolean      NOT NULL DEFAULT false,
  created_at      timestamptz  NOT NULL,
  updated_at      timestamptz  NOT NULL,
  FOREIGN KEY (subject_type, id) REFERENCES subjects (type, key) ON DELETE CASCADE
);

-- Kept apart from the alerts, as seed 002 has it: the detector's memory per server and check
-- (cpu, memory, disk, offline; service_down per service). Not the truth about alerts: the
-- detector reconciles a state with the active alert of its fingerprint before using it.
CREATE TABLE alert_states (
  server_id            varchar(255)     NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
  type                 varchar(16)      NOT NULL
                       CHECK (type IN ('cpu', 'memory', 'disk', 'offline', 'service_down')),
  -- The service's name for service_down, '' for the others (a key column cannot be null).
  service              varchar(255)     NOT NULL DEFAULT '',
  consecutive_breaches integer          NOT NULL,
  consecutive_clears   integer          NOT NULL,
  level                varchar(16)      NOT NULL CHECK (level IN ('none', 'high', 'critical')),
  last_value           double precision,
  first_breach_at      timestamptz,
  last_signal_at       timestamptz,
  alert_severity       varchar(16)
                       CHECK (alert_severity IN ('critical', 'high', 'medium', 'low', 'info')),
  -- No foreign key: a cached id, which retention may outlive; the alerts table is the truth.
  active_alert_id      bigint,
  last_alert_at        timestamptz,
  last_resolved_at     timestamptz,
  PRIMARY KEY (server_id, type, service)
);

-- Settings saved through the API, one JSON document per section ('hosts'); a section without
-- a row runs on its configured defaults.
CREATE TABLE settings (
  section    varchar(64)  PRIMARY KEY,
  value      jsonb        NOT NULL,
  updated_at timestamptz  NOT NULL
);
