package io.klaxon.bench.load;

/** Where an ingest run's request bodies come from. */
interface BodySource {

  /** A body of {@code units} units (events, snapshots). */
  EventBatches.Body next(int units);
}
