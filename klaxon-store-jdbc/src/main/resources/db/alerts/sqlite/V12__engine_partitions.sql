-- Engine partitions (issue 22): the alert engine is split into P partitions by a key derived from
-- each alert's fingerprint (io.klaxon.alert.Partitioning). P is fixed when a database is created
-- and recorded here; a store opened with another klaxon.engine.partitions refuses to start.
--
-- A database that already holds alerts was written by one engine: it keeps P = 1. An empty one
-- gets no row here: the first store to open it records its setting (default 1 on SQLite, 16 on
-- PostgreSQL), which is harmless since no alert lives in any partition yet.
CREATE TABLE engine_partitions (
  singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
  partitions INTEGER NOT NULL CHECK (partitions BETWEEN 1 AND 1024)
) STRICT;

INSERT INTO engine_partitions (singleton, partitions)
SELECT 1, 1 WHERE EXISTS (SELECT 1 FROM alerts) OR (SELECT last_id FROM alert_ids) > 0;

-- Each alert's partition, so that one partition's active alerts load on their own (a partition
-- moves between instances in cluster mode). Alerts stored before were all in the one partition.
ALTER TABLE alerts ADD COLUMN engine_partition INTEGER NOT NULL DEFAULT 0;
CREATE INDEX alerts_partition_active ON alerts (engine_partition)
  WHERE status IN ('open', 'acknowledged');
