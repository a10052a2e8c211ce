-- Cluster mode (issue 15). One row per partition of the command topic: the epoch of its current
-- owner (raised by every take-over, so that an owner that lost the partition can no longer
-- commit: its changes are written under "WHERE epoch = mine") and the next offset of the topic's
-- partition, committed in the same transaction as the changes the records before it made.
CREATE TABLE cluster_partitions (
  partition   integer      PRIMARY KEY CHECK (partition >= 0),
  epoch       bigint       NOT NULL DEFAULT 0,
  owner       varchar(255),
  next_offset bigint       NOT NULL DEFAULT 0 CHECK (next_offset >= 0),
  claimed_at  timestamptz
);

-- Alert ids in cluster mode: each partition's engine takes a block of ids from this sequence
-- (block n holds the ids n * 2^20 + 1 .. (n + 1) * 2^20), so engines on several instances never
-- hand out the same id. Started above the ids a single instance handed out before.
CREATE SEQUENCE alert_id_blocks;
SELECT setval('alert_id_blocks', (SELECT last_id FROM alert_ids) / 1048576 + 1, false);
