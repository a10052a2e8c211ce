-- Write path v2 (issue 22). On SQLite, commits keep taking their change feed positions from the
-- alert_feed row: the database's one write lock already orders commits, so that costs no waiting,
-- and readers stay read-only. (PostgreSQL numbers positions by a sequencer run by the readers; its
-- V17 adds the index for that.)

-- Alert ids are reserved in blocks (io.klaxon.store.IdBlocks) from reserved_through, in a
-- transaction of their own, instead of every commit that creates alerts updating last_id. Every id
-- handed out so far is at most last_id.
ALTER TABLE alert_ids ADD COLUMN reserved_through INTEGER NOT NULL DEFAULT 0;
UPDATE alert_ids SET reserved_through = last_id;

-- last_id now keeps the largest id of a deleted alert (commits no longer record it), so that the
-- largest id ever stored (AlertStore.maxAlertId: max of it and the alerts' ids) never goes back
-- and no block starts below it. A trigger sees cascades too (a deleted subject). Deletes of old
-- alerts (retention) leave the row alone.
CREATE TRIGGER alert_ids_on_delete AFTER DELETE ON alerts
WHEN OLD.id > (SELECT last_id FROM alert_ids)
BEGIN
  UPDATE alert_ids SET last_id = OLD.id WHERE last_id < OLD.id;
END;
