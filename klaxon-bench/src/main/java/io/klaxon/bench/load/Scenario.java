package io.klaxon.bench.load;

/** What the load generator sends. */
public enum Scenario {
  /** Triggers with a fresh dedup key each: every event opens an alert. */
  NEW,
  /** Triggers over a fixed key space, opened once beforehand: every event folds into an alert. */
  RETRIGGER,
  /** 70% triggers over the key space, 10% resolves of it, 20% new alerts. */
  MIXED,
  /** Filtered lists, stats and reads by id against whatever is stored. */
  QUERY,
  /** Bulk-loads alerts in large batches (a quarter resolved, an eighth acknowledged). */
  SEED,
  /** Odds snapshots to {@code POST /api/signals/odds}, through the detector to the engine. */
  ODDS
}
