-- The three columns every re-trigger moves (occurrences, last_seen_at, version) in a narrow table
-- of their own (issue 22).
--
-- The materializer's fold rewrote each re-triggered alert's whole row in `alerts` (455 bytes of
-- values, eight rows to a page), and SQLite writes every page a transaction touches whole to the
-- WAL and again into the database at the checkpoint: under re-triggers of 100,000 alerts the
-- server handed 267 MiB/s to write(), half of the writer thread's CPU in the kernel (BENCHMARKS.md,
-- "Quiet runs, session 9"). A row here holds 14 bytes, 195 to a page (measured with dbstat after a
-- benchmark run: 1,059 pages for 206,894 alerts).
--
-- The version moves with the counts: it is the optimistic lock of every change, so a change
-- writes this row first (where the version is still the one it read), then the rest in `alerts`.
-- Reads join the two on id. Numbered 15, below migrations that may already be applied: Schema
-- applies it out of order then (it touches nothing they made).

CREATE TABLE alert_occurrences (
  -- The alert's id (a rowid alias, so the row is found by id with no second index).
  id           INTEGER PRIMARY KEY REFERENCES alerts (id) ON DELETE CASCADE,
  occurrences  INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  version      INTEGER NOT NULL
) STRICT;

INSERT INTO alert_occurrences (id, occurrences, last_seen_at, version)
SELECT id, occurrences, last_seen_at, version FROM alerts;

ALTER TABLE alerts DROP COLUMN occurrences;
ALTER TABLE alerts DROP COLUMN last_seen_at;
ALTER TABLE alerts DROP COLUMN version;
