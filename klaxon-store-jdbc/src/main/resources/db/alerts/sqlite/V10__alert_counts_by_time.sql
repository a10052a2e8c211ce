-- How many alerts were detected per ten minutes, by status, severity, source and type, kept
-- exact by triggers as alert_counts is. Counts over a time range on ten-minute boundaries (the
-- console's overview: alerts per interval of the last 6 h, 24 h or 7 d) read these rows instead
-- of every alert in the range. A bucket is the detection time in microseconds, rounded down (also
-- before 1970, where % alone would round towards zero).

CREATE TABLE alert_counts_by_time (
  bucket   INTEGER NOT NULL,
  status   TEXT    NOT NULL,
  severity TEXT    NOT NULL,
  source   TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  n        INTEGER NOT NULL,
  PRIMARY KEY (bucket, status, severity, source, type)
) STRICT, WITHOUT ROWID;

INSERT INTO alert_counts_by_time (bucket, status, severity, source, type, n)
SELECT detected_at - (((detected_at % 600000000) + 600000000) % 600000000), status, severity, source, type, count(*)
FROM alerts
GROUP BY detected_at - (((detected_at % 600000000) + 600000000) % 600000000), status, severity, source, type;

CREATE TRIGGER alert_counts_by_time_on_insert AFTER INSERT ON alerts
BEGIN
  INSERT INTO alert_counts_by_time (bucket, status, severity, source, type, n)
  VALUES (NEW.detected_at - (((NEW.detected_at % 600000000) + 600000000) % 600000000), NEW.status, NEW.severity, NEW.source,
          NEW.type, 1)
  ON CONFLICT (bucket, status, severity, source, type) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER alert_counts_by_time_on_delete AFTER DELETE ON alerts
BEGIN
  UPDATE alert_counts_by_time SET n = n - 1
  WHERE bucket = OLD.detected_at - (((OLD.detected_at % 600000000) + 600000000) % 600000000) AND status = OLD.status
    AND severity = OLD.severity AND source = OLD.source AND type = OLD.type;
END;

-- The detection time, source and type never change after creation.
CREATE TRIGGER alert_counts_by_time_on_update AFTER UPDATE OF status, severity ON alerts
WHEN OLD.status IS NOT NEW.status OR OLD.severity IS NOT NEW.severity
BEGIN
  UPDATE alert_counts_by_time SET n = n - 1
  WHERE bucket = OLD.detected_at - (((OLD.detected_at % 600000000) + 600000000) % 600000000) AND status = OLD.status
    AND severity = OLD.severity AND source = OLD.source AND type = OLD.type;
  INSERT INTO alert_counts_by_time (bucket, status, severity, source, type, n)
  VALUES (NEW.detected_at - (((NEW.detected_at % 600000000) + 600000000) % 600000000), NEW.status, NEW.severity, NEW.source,
          NEW.type, 1)
  ON CONFLICT (bucket, status, severity, source, type) DO UPDATE SET n = n + 1;
END;
