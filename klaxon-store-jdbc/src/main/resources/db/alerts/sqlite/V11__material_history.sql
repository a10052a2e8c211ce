-- History of what matters: a pure re-trigger writes no row of its own, and the summaries that
-- tell re-triggers coalesced ("re-triggered 120 times between ...") are not material changes.
-- The change feed (ChangeFeed) carries material rows only; rows written before stay material.
ALTER TABLE alert_history ADD COLUMN material INTEGER NOT NULL DEFAULT 1
  CHECK (material IN (0, 1));
