-- Retention: final alerts by the time they became final (resolved_at), oldest first.
CREATE INDEX alerts_final_since ON alerts (resolved_at, id)
  WHERE status IN ('resolved', 'dismissed', 'expired');

-- Leases of the scheduled jobs (expiry, retention, host checks): of several instances on one
-- database only the holder of a job's unexpired lease runs it. A crashed holder's lease runs out
-- at expires_at and the next instance takes it over.
CREATE TABLE job_leases (
  name       varchar(255) PRIMARY KEY,
  holder     varchar(255) NOT NULL,
  expires_at timestamptz  NOT NULL
);
