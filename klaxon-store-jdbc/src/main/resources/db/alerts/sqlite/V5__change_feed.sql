-- Who acknowledged and who ended an alert, and a history whose ids are never handed out again.
--
-- The history's id is now the change feed's position (ChangeFeed): readers such as the
-- notification dispatcher and the lake sink remember the last id they processed. SQLite hands
-- a deleted rowid out again unless the key is AUTOINCREMENT, and a purge deletes the newest
-- history, so the table is rebuilt with AUTOINCREMENT (SQLite cannot alter a key in place).

ALTER TABLE alerts ADD COLUMN acknowledged_by TEXT;
ALTER TABLE alerts ADD COLUMN resolved_by TEXT;

CREATE TABLE alert_history_v5 (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_id    INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
  version     INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  actor       TEXT    NOT NULL,
  action      TEXT    NOT NULL,
  from_status TEXT,
  to_status   TEXT    NOT NULL,
  changes     TEXT    NOT NULL DEFAULT '[]',
  note        TEXT
) STRICT;

INSERT INTO alert_history_v5 (id, alert_id, version, at, actor, action, from_status, to_status,
                              changes, note)
SELECT id, alert_id, version, at, actor, action, from_status, to_status, changes, note
FROM alert_history;

DROP TABLE alert_history;
ALTER TABLE alert_history_v5 RENAME TO alert_history;
CREATE INDEX alert_history_alert_version ON alert_history (alert_id, version);

-- Who made the change is taken from the history for alerts acknowledged or ended before this
-- version, so that old alerts show it too.
UPDATE alerts SET acknowledged_by = (
  SELECT h.actor FROM alert_history h
  WHERE h.alert_id = alerts.id AND h.to_status = 'acknowledged'
  ORDER BY h.version DESC LIMIT 1)
WHERE acknowledged_at IS NOT NULL;

UPDATE alerts SET resolved_by = (
  SELECT h.actor FROM alert_history h
  WHERE h.alert_id = alerts.id AND h.to_status = alerts.status
  ORDER BY h.version DESC LIMIT 1)
WHERE resolved_at IS NOT NULL;
