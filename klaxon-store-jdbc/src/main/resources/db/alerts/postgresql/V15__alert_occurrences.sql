-- The three columns every re-trigger moves (occurrences, last_seen_at, version) in a narrow table
-- of their own (issue 22).
--
-- The materializer's fold rewrote each re-triggered alert's whole row in `alerts`: besides the
-- wider tuple to copy, every update of it checked the table's CHECK constraints and, with the
-- foreign key to subjects, paid for the wide row (about 2 of PostgreSQL's 7 us per row update in a
-- profile: BENCHMARKS.md, "i22g"). A row here is 56 bytes with its header (by its layout: 24 of
-- header, four 8-byte columns). None of its columns but the key is indexed, so the fold's updates
-- are HOT where the page has room: fillfactor 50 leaves room for a new version of every row on it
-- (as V19 did for `alerts`).
--
-- The version moves with the counts: it is the optimistic lock of every change, so a change
-- writes this row first (where the version is still the one it read), then the rest in `alerts`.
-- Reads join the two on id. Numbered 15, below migrations that may already be applied: Schema
-- applies it out of order then (it touches nothing they made).

CREATE TABLE alert_occurrences (
  id           bigint      PRIMARY KEY REFERENCES alerts (id) ON DELETE CASCADE,
  occurrences  bigint      NOT NULL,
  last_seen_at timestamptz NOT NULL,
  version      bigint      NOT NULL
)
WITH (fillfactor = 50);

INSERT INTO alert_occurrences (id, occurrences, last_seen_at, version)
SELECT id, occurrences, last_seen_at, version FROM alerts;

ALTER TABLE alerts
  DROP COLUMN occurrences,
  DROP COLUMN last_seen_at,
  DROP COLUMN version;
