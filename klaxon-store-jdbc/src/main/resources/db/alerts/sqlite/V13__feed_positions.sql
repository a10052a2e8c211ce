-- Change feed positions in commit order (issue 22). A reader of the feed (notifications, the lake
-- sink, escalation) keeps the position of the last change it handled and asks for what came
-- after. The history's id cannot be that position once partitions commit side by side: it is
-- handed out when a row is inserted, not when it is committed, so a partition that inserted id 10
-- and committed after another partition committed id 11 would be skipped by a reader already at
-- 11. Each material history row now takes its position from the one counter row below, updated
-- in the committing transaction just before the rows are written: its row lock orders material
-- commits, so positions grow in commit order and a reader can never pass a change that is not
-- committed yet. (On SQLite the write lock already serializes commits; the column is kept alike.)
ALTER TABLE alert_history ADD COLUMN feed_position INTEGER;

-- Rows written before were written by one writer, in commit order: their id is their position,
-- the one readers have stored.
UPDATE alert_history SET feed_position = id WHERE material = 1;

CREATE UNIQUE INDEX alert_history_feed_position ON alert_history (feed_position)
  WHERE feed_position IS NOT NULL;

-- The last position handed out. It starts past every id ever handed out (AUTOINCREMENT keeps the
-- largest in sqlite_sequence, even when the newest rows were deleted since), so that no reader's
-- stored position is ever reached again.
CREATE TABLE alert_feed (
  singleton     INTEGER PRIMARY KEY CHECK (singleton = 1),
  last_position INTEGER NOT NULL
) STRICT;

INSERT INTO alert_feed (singleton, last_position)
SELECT 1, MAX(
  COALESCE((SELECT MAX(id) FROM alert_history), 0),
  COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'alert_history'), 0));
