-- Retention: final alerts by the time they became final (resolved_at), oldest first.
CREATE INDEX alerts_final_since ON alerts (resolved_at, id)
  WHERE status IN ('resolved', 'dismissed', 'expired');

-- Leases of the scheduled jobs (expiry, retention, host checks): of several instances on one
-- database only the holder of a job's unexpired lease runs it. A crashed holder's lease runs out
-- at expires_at and the next instance takes it over. Times in microseconds since the epoch.
CREATE TABLE job_leases (
  name       TEXT    PRIMARY KEY,
  holder     TEXT    NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
