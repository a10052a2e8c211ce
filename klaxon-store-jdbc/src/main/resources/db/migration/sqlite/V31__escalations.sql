-- Escalations (docs/ONCALL.md): one row per alert followed by an escalation policy, with the step
-- it fires next. `claimed_until` keeps other claims off while a step fires. Nothing references
-- alerts, like the notification tables. Times are microseconds since the epoch.
CREATE TABLE escalations (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id      INTEGER NOT NULL,
  policy        TEXT    NOT NULL,
  route         TEXT    NOT NULL,
  round         INTEGER NOT NULL DEFAULT 0,
  step          INTEGER NOT NULL DEFAULT 0,
  next_at       INTEGER,
  started_at    INTEGER NOT NULL,
  last_step_at  INTEGER,
  last_notified TEXT,
  end_reason    TEXT,
  ended_at      INTEGER,
  claimed_until INTEGER,
  UNIQUE (alert_id, policy)
) STRICT;
CREATE INDEX escalations_due ON escalations (next_at) WHERE end_reason IS NULL;
