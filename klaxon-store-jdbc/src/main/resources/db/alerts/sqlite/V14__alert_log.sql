-- The re-trigger log (issue 22, write path v2: log first). A pure re-trigger moves only an
-- active alert's occurrences, last_seen_at and version. The engine makes it durable as part of one
-- compact row per group commit here instead of rewriting each alert's row; a materializer on the
-- partition's writer folds the latest counts into `alerts` shortly after (many re-triggers of one
-- alert become one row update) and deletes the rows it folded in the same transaction. On start
-- (and on a partition's load) the rows left by a crash are folded before the active alerts are
-- read. Each entry holds (alert id, occurrences, last seen in microseconds, version) as big-endian
-- 64-bit numbers; folding never moves a row backwards (only where its version is lower).
CREATE TABLE alert_log (
  seq              INTEGER PRIMARY KEY,
  engine_partition INTEGER NOT NULL,
  entry            BLOB    NOT NULL
) STRICT;

CREATE INDEX alert_log_partition ON alert_log (engine_partition, seq);
