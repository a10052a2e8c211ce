-- How many alerts were detected per ten minutes, by status, severity, source and type, kept
-- exact by triggers as alert_counts is. Counts over a time range on ten-minute boundaries (the
-- console's overview: alerts per interval of the last 6 h, 24 h or 7 d) read these rows instead
-- of every alert in the range. A bucket is the detection time rounded down to ten minutes.

CREATE TABLE alert_counts_by_time (
  bucket   timestamptz  NOT NULL,
  status   varchar(16)  NOT NULL,
  severity varchar(16)  NOT NULL,
  source   varchar(255) NOT NULL,
  type     varchar(255) NOT NULL,
  n        bigint       NOT NULL,
  PRIMARY KEY (bucket, status, severity, source, type)
);

CREATE FUNCTION alert_time_bucket(at timestamptz) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE
  RETURN date_bin('10 minutes', at, timestamptz '1970-01-01 00:00:00+00');

INSERT INTO alert_counts_by_time (bucket, status, severity, source, type, n)
SELECT alert_time_bucket(detected_at), status, severity, source, type, count(*)
FROM alerts
GROUP BY alert_time_bucket(detected_at), status, severity, source, type;

CREATE FUNCTION alert_counts_by_time_add_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_counts_by_time AS c (bucket, status, severity, source, type, n)
  SELECT alert_time_bucket(detected_at), status, severity, source, type, count(*) FROM new_rows
  GROUP BY alert_time_bucket(detected_at), status, severity, source, type
  ON CONFLICT (bucket, status, severity, source, type) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION alert_counts_by_time_remove_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts_by_time c SET n = c.n - o.n
  FROM (SELECT alert_time_bucket(detected_at) AS bucket, status, severity, source, type,
               count(*) AS n
        FROM old_rows
        GROUP BY alert_time_bucket(detected_at), status, severity, source, type) o
  WHERE c.bucket = o.bucket AND c.status = o.status AND c.severity = o.severity
    AND c.source = o.source AND c.type = o.type;
  RETURN NULL;
END $$;

CREATE FUNCTION alert_counts_by_time_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts_by_time SET n = n - 1
  WHERE bucket = alert_time_bucket(OLD.detected_at) AND status = OLD.status
    AND severity = OLD.severity AND source = OLD.source AND type = OLD.type;
  INSERT INTO alert_counts_by_time AS c (bucket, status, severity, source, type, n)
  VALUES (alert_time_bucket(NEW.detected_at), NEW.status, NEW.severity, NEW.source, NEW.type, 1)
  ON CONFLICT (bucket, status, severity, source, type) DO UPDATE SET n = c.n + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER alert_counts_by_time_on_insert AFTER INSERT ON alerts
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_counts_by_time_add_new();

CREATE TRIGGER alert_counts_by_time_on_delete AFTER DELETE ON alerts
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_counts_by_time_remove_old();

CREATE TRIGGER alert_counts_by_time_on_update AFTER UPDATE OF status, severity ON alerts
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.severity IS DISTINCT FROM NEW.severity)
  EXECUTE FUNCTION alert_counts_by_time_move();
