-- Write path v2 on PostgreSQL (issue 22): the count tables get a row per engine partition.
--
-- Their triggers upsert one row per (status, severity, source, type) and ten-minute bucket, in
-- the committing transaction, so two partitions creating alerts of the same kind (the common
-- case: one source, one type) waited for each other on that row until commit: new alerts were
-- committed one partition at a time. With the partition (stripe) in the key, each partition
-- writes rows of its own. Readers sum over the stripes, as they already summed over groups.

ALTER TABLE alert_counts ADD COLUMN stripe integer NOT NULL DEFAULT 0;
ALTER TABLE alert_counts DROP CONSTRAINT alert_counts_pkey;
ALTER TABLE alert_counts ADD PRIMARY KEY (status, severity, source, type, stripe);

ALTER TABLE alert_counts_by_time ADD COLUMN stripe integer NOT NULL DEFAULT 0;
ALTER TABLE alert_counts_by_time DROP CONSTRAINT alert_counts_by_time_pkey;
ALTER TABLE alert_counts_by_time ADD PRIMARY KEY (bucket, status, severity, source, type, stripe);

CREATE OR REPLACE FUNCTION alert_counts_add_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_counts AS c (status, severity, source, type, stripe, n)
  SELECT status, severity, source, type, engine_partition, count(*) FROM new_rows
  GROUP BY status, severity, source, type, engine_partition
  ON CONFLICT (status, severity, source, type, stripe) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION alert_counts_remove_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts c SET n = c.n - o.n
  FROM (SELECT status, severity, source, type, engine_partition AS stripe, count(*) AS n
        FROM old_rows GROUP BY status, severity, source, type, engine_partition) o
  WHERE c.status = o.status AND c.severity = o.severity AND c.source = o.source
    AND c.type = o.type AND c.stripe = o.stripe;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION alert_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts SET n = n - 1
  WHERE status = OLD.status AND severity = OLD.severity AND source = OLD.source
    AND type = OLD.type AND stripe = OLD.engine_partition;
  INSERT INTO alert_counts AS c (status, severity, source, type, stripe, n)
  VALUES (NEW.status, NEW.severity, NEW.source, NEW.type, NEW.engine_partition, 1)
  ON CONFLICT (status, severity, source, type, stripe) DO UPDATE SET n = c.n + 1;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION alert_counts_by_time_add_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_counts_by_time AS c (bucket, status, severity, source, type, stripe, n)
  SELECT alert_time_bucket(detected_at), status, severity, source, type, engine_partition,
         count(*)
  FROM new_rows
  GROUP BY alert_time_bucket(detected_at), status, severity, source, type, engine_partition
  ON CONFLICT (bucket, status, severity, source, type, stripe) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION alert_counts_by_time_remove_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts_by_time c SET n = c.n - o.n
  FROM (SELECT alert_time_bucket(detected_at) AS bucket, status, severity, source, type,
               engine_partition AS stripe, count(*) AS n
        FROM old_rows
        GROUP BY alert_time_bucket(detected_at), status, severity, source, type,
                 engine_partition) o
  WHERE c.bucket = o.bucket AND c.status = o.status AND c.severity = o.severity
    AND c.source = o.source AND c.type = o.type AND c.stripe = o.stripe;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION alert_counts_by_time_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts_by_time SET n = n - 1
  WHERE bucket = alert_time_bucket(OLD.detected_at) AND status = OLD.status
    AND severity = OLD.severity AND source = OLD.source AND type = OLD.type
    AND stripe = OLD.engine_partition;
  INSERT INTO alert_counts_by_time AS c (bucket, status, severity, source, type, stripe, n)
  VALUES (alert_time_bucket(NEW.detected_at), NEW.status, NEW.severity, NEW.source, NEW.type,
          NEW.engine_partition, 1)
  ON CONFLICT (bucket, status, severity, source, type, stripe) DO UPDATE SET n = c.n + 1;
  RETURN NULL;
END $$;
