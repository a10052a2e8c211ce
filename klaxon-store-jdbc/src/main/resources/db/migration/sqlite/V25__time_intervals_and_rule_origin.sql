-- Alertmanager import (issue 20). Time intervals that routes name (mute / active), kept as
-- notification configuration documents: the table has notify_config's shape, in a table of its own
-- because notify_config's kind CHECK is rebuilt by V30, which a fresh database runs after this one.
CREATE TABLE notify_time_intervals (
  kind       TEXT    NOT NULL CHECK (kind = 'time_interval'),
  name       TEXT    NOT NULL,
  position   INTEGER NOT NULL,
  document   TEXT    NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by TEXT    NOT NULL,
  PRIMARY KEY (kind, name)
) STRICT;

-- Where an inhibition rule came from: 'api' (made by hand) or 'alertmanager' (an import, which a
-- later import replaces).
ALTER TABLE inhibit_rules ADD COLUMN origin TEXT NOT NULL DEFAULT 'api';
