-- Metric history (issue 18) on SQLite: what a server's page draws, apart from the detector's
-- alert states. Every sample for a day, then one row per server, metric and minute until the
-- retention period ends. Both reference the server with ON DELETE CASCADE, so a server's purge
-- takes its history. Times are INTEGER microseconds since the epoch, as elsewhere; the primary
-- keys are the only indexes (one B-tree a sample: ingest must stay above 50,000 samples/s), and
-- serve both the chart's range reads and the retention job, which works one server at a time.

CREATE TABLE metric_samples (
  server_id TEXT    NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
  metric    TEXT    NOT NULL CHECK (metric IN ('cpu', 'memory', 'disk')),
  at        INTEGER NOT NULL,
  value     REAL    NOT NULL,
  PRIMARY KEY (server_id, metric, at)
) STRICT, WITHOUT ROWID;

-- The sum and count rather than the average, so that rows merge (a late sample rolled up into a
-- minute already rolled up) without losing the average's weight.
CREATE TABLE metric_minutes (
  server_id TEXT    NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
  metric    TEXT    NOT NULL CHECK (metric IN ('cpu', 'memory', 'disk')),
  minute    INTEGER NOT NULL,
  low       REAL    NOT NULL,
  high      REAL    NOT NULL,
  total     REAL    NOT NULL,
  samples   INTEGER NOT NULL,
  PRIMARY KEY (server_id, metric, minute)
) STRICT, WITHOUT ROWID;
