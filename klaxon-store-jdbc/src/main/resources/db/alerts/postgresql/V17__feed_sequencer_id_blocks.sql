-- Write path v2 on PostgreSQL (issue 22): partitions commit side by side without a shared row.
--
-- 1. Change feed positions are no longer taken in the committing transaction (which held the one
--    alert_feed row until commit, so every commit with material changes waited for the one
--    before). Commits leave feed_position empty; a sequencer, run by the feed's readers in a short
--    transaction of its own that holds the alert_feed row, numbers the committed un-positioned
--    material rows in id order. A row committed while it runs is not visible to it and gets a
--    later number in the next round, so a reader that has seen position n has seen every position
--    up to n, and no committed change is skipped. This index finds those rows: it holds only rows
--    waiting for a position, so it stays small however long the history grows.
CREATE INDEX alert_history_unpositioned ON alert_history (id)
  WHERE material AND feed_position IS NULL;

-- 2. Alert ids are reserved in blocks (io.klaxon.store.IdBlocks) from reserved_through, in a
--    transaction of their own, instead of every commit that creates alerts updating last_id (and
--    waiting on its row). Every id handed out so far is at most last_id.
ALTER TABLE alert_ids ADD COLUMN reserved_through bigint NOT NULL DEFAULT 0;
UPDATE alert_ids SET reserved_through = last_id;

-- last_id now keeps the largest id of a deleted alert (commits no longer record it), so that the
-- largest id ever stored (AlertStore.maxAlertId: max of it and the alerts' ids) never goes back
-- and no block starts below it. A trigger sees cascades too (a deleted subject). Deletes of old
-- alerts (retention) leave the row alone.
CREATE FUNCTION alert_ids_keep_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE alert_ids SET last_id = d.max_id
  FROM (SELECT max(id) AS max_id FROM old_rows) d
  WHERE d.max_id > alert_ids.last_id;
  RETURN NULL;
END $$;

CREATE TRIGGER alert_ids_on_delete AFTER DELETE ON alerts
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION alert_ids_keep_deleted();
