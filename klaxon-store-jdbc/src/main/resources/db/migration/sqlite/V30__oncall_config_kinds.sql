-- On-call (docs/ONCALL.md): notify_config also keeps server secrets (the acknowledge-link key) and,
-- as documents like receivers and routes, people, schedules and escalation policies. SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt with the wider list.
CREATE TABLE notify_config_v30 (
  kind       TEXT    NOT NULL CHECK (kind IN ('receiver', 'route', 'secret', 'person', 'schedule', 'policy')),
  name       TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  document   TEXT    NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT    NOT NULL,
  PRIMARY KEY (kind, name)
) STRICT;
INSERT INTO notify_config_v30 (kind, name, position, document, updated_at, updated_by)
  SELECT kind, name, position, document, updated_at, updated_by FROM notify_config;
DROP TABLE notify_config;
ALTER TABLE notify_config_v30 RENAME TO notify_config;
