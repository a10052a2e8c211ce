-- How many alerts there are per (status, severity, source, type), kept exact by triggers.
--
-- Every list page returns counts per status and /stats counts four ways; counting by scanning
-- grows with the table. Lists filtered only by these four columns read the counts here
-- instead. Triggers, not the writer, keep them: they also see the rows that a foreign-key
-- cascade deletes (a purged subject), which the writer never names.
--
-- Inserts and deletes come in large statements (multi-row inserts, cascades), so their triggers
-- run once per statement over the transition table: one upsert per group, not per row. Updates
-- come one row per statement (re-triggers) and rarely move status or severity, so a row trigger
-- whose WHEN clause filters them out costs next to nothing.

CREATE TABLE alert_counts (
  status   varchar(16)  NOT NULL,
  severity varchar(16)  NOT NULL,
  source   varchar(255) NOT NULL,
  type     varchar(255) NOT NULL,
  n        bigint       NOT NULL,
  PRIMARY KEY (status, severity, source, type)
);

INSERT INTO alert_counts (status, severity, source, type, n)
SELECT status, severity, source, type, count(*) FROM alerts GROUP BY status, severity, source, type;

CREATE FUNCTION alert_counts_add_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO alert_counts AS c (status, severity, source, type, n)
  SELECT status, severity, source, type, count(*) FROM new_rows
  GROUP BY status, severity, source, type
  ON CONFLICT (status, severity, source, type) DO UPDATE SET n = c.n + EXCLUDED.n;
  RETURN NULL;
END $$;

CREATE FUNCTION alert_counts_remove_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts c SET n = c.n - o.n
  FROM (SELECT status, severity, source, type, count(*) AS n FROM old_rows
        GROUP BY status, severity, source, type) o
  WHERE c.status = o.status AND c.severity = o.severity AND c.source = o.source
    AND c.type = o.type;
  RETURN NULL;
END $$;

CREATE FUNCTION alert_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_counts SET n = n - 1
  WHERE status = OLD.status AND severity = OLD.severity AND source = OLD.source
    AND type = OLD.type;
  INSERT INTO alert_counts AS c (status, severity, source, type, n)
  VALUES (NEW.status, NEW.severity, NEW.source, NEW.type, 1)
  ON CONFLICT (status, severity, source, type) DO UPDATE SET n = c.n + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER alert_counts_on_insert AFTER INSERT ON alerts
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_counts_add_new();

CREATE TRIGGER alert_counts_on_delete AFTER DELETE ON alerts
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_counts_remove_old();

CREATE TRIGGER alert_counts_on_update AFTER UPDATE OF status, severity ON alerts
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.severity IS DISTINCT FROM NEW.severity)
  EXECUTE FUNCTION alert_counts_move();

-- Lists filtered by source or type, newest first, without walking every alert: a rare source
-- among 1,000,000 alerts otherwise scans the whole detected_at index. Both columns are fixed
-- when an alert is created, so re-triggers never write these indexes.
CREATE INDEX alerts_source_detected ON alerts (source, detected_at DESC, id DESC);
CREATE INDEX alerts_type_detected ON alerts (type, detected_at DESC, id DESC);
