-- Metric history (issue 18) on PostgreSQL: what a server's page draws, apart from the detector's
-- alert states. Every sample for a day, then one row per server, metric and minute until the
-- retention period ends. Both reference the server with ON DELETE CASCADE, so a server's purge
-- takes its history. Times are bigint microseconds since the epoch rather than timestamptz: the
-- chart's bucketing is the same integer arithmetic on both databases. The primary keys are the
-- only indexes, and serve both the range reads and the retention job (one server at a time).

CREATE TABLE metric_samples (
  server_id varchar(255)     NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
  metric    varchar(16)      NOT NULL CHECK (metric IN ('cpu', 'memory', 'disk')),
  at        bigint           NOT NULL,
  value     double precision NOT NULL,
  PRIMARY KEY (server_id, metric, at)
);

-- The sum and count rather than the average, so that rows merge without losing its weight.
CREATE TABLE metric_minutes (
  server_id varchar(255)     NOT NULL REFERENCES servers (id) ON DELETE CASCADE,
  metric    varchar(16)      NOT NULL CHECK (metric IN ('cpu', 'memory', 'disk')),
  minute    bigint           NOT NULL,
  low       double precision NOT NULL,
  high      double precision NOT NULL,
  total     double precision NOT NULL,
  samples   bigint           NOT NULL,
  PRIMARY KEY (server_id, metric, minute)
);
