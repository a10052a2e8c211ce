-- Alerts, their history and their subjects on PostgreSQL.
--
-- Timestamps are timestamptz (microseconds, as the engine keeps them); JSON is jsonb.
-- Text lengths follow AlertCommand.Limits: keys 255, titles 500, free text 10000.

CREATE TABLE subjects (
  type       varchar(255) NOT NULL,
  key        varchar(255) NOT NULL,
  name       varchar(500) NOT NULL,
  starts_at  timestamptz,
  attributes jsonb        NOT NULL DEFAULT '{}',
  PRIMARY KEY (type, key)
);

CREATE TABLE alerts (
  -- Assigned by the engine, not by a sequence: it hands out ids before the commit.
  id                bigint        PRIMARY KEY,
  fingerprint       varchar(255)  NOT NULL,
  source            varchar(255)  NOT NULL,
  type              varchar(255)  NOT NULL,
  severity          varchar(16)   NOT NULL
                    CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
  status            varchar(16)   NOT NULL
                    CHECK (status IN ('open', 'acknowledged', 'resolved', 'dismissed', 'expired')),
  title             varchar(500)  NOT NULL,
  message           varchar(10000),
  subject_type      varchar(255),
  subject_key       varchar(255),
  subject_name      varchar(500),
  value             double precision,
  previous_value    double precision,
  threshold         double precision,
  change_percent    double precision,
  attributes        jsonb         NOT NULL DEFAULT '{}',
  occurrences       bigint        NOT NULL,
  detected_at       timestamptz   NOT NULL,
  last_seen_at      timestamptz   NOT NULL,
  acknowledged_at   timestamptz,
  resolved_at       timestamptz,
  expires_at        timestamptz,
  auto_resolved     boolean       NOT NULL DEFAULT false,
  previous_severity varchar(16)
                    CHECK (previous_severity IN ('critical', 'high', 'medium', 'low', 'info')),
  version           bigint        NOT NULL,
  FOREIGN KEY (subject_type, subject_key) REFERENCES subjects (type, key) ON DELETE CASCADE
)
-- Re-triggers rewrite rows without touching indexed columns: room on the page keeps those
-- updates HOT (no index writes).
WITH (fillfactor = 90);

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
  id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_id    bigint        NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  version     bigint        NOT NULL,
  at          timestamptz   NOT NULL,
  actor       varchar(255)  NOT NULL,
  action      varchar(32)   NOT NULL,
  from_status varchar(16),
  to_status   varchar(16)   NOT NULL,
  changes     jsonb         NOT NULL DEFAULT '[]',
  note        varchar(10000)
);

CREATE INDEX alert_history_alert_version ON alert_history (alert_id, version);

-- The largest alert id ever committed. Alerts are deleted (retention, a deleted subject), but
-- their ids must not be handed out again: clients and the lake history refer to them.
CREATE TABLE alert_ids (
  singleton smallint PRIMARY KEY CHECK (singleton = 1),
  last_id   bigint   NOT NULL
);

INSERT INTO alert_ids (singleton, last_id) VALUES (1, 0);
