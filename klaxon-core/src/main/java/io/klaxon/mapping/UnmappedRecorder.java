package io.klaxon.mapping;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Buffers sightings of unmapped markets, one entry per market, and writes them in one batch per
 * {@link #flush}: a market seen a thousand times between flushes costs one row update.
 */
final class UnmappedRecorder {

  private final MappingStore store;
  private Map<UnmappedSighting.Key, UnmappedSighting> buffer = new HashMap<>();

  UnmappedRecorder(MappingStore store) {
    this.store = store;
  }

  void record(UnmappedSighting sighting) {
    synchronized (this) {
      buffer.merge(sighting.key(), sighting, UnmappedSighting::merge);
    }
  }

  /** How many markets wait for the next flush. */
  synchronized int pending() {
    return buffer.size();
  }

  /**
   * Writes what was buffered. When the store fails, the sightings go back into the buffer (merged
   * with any recorded meanwhile) for the next flush, so no count is lost, and the failure is
   * rethrown.
   *
   * @return how many markets were written
   */
  int flush() {
    Map<UnmappedSighting.Key, UnmappedSighting> batch;
    synchronized (this) {
      if (buffer.isEmpty()) {
        return 0;
      }
      batch = buffer;
      buffer = new HashMap<>();
    }
    try {
      store.recordUnmapped(List.copyOf(batch.values()));
      return batch.size();
    } catch (RuntimeException e) {
      synchronized (this) {
        batch.forEach((key, sighting) -> buffer.merge(key, sighting, UnmappedSighting::merge));
      }
      throw e;
    }
  }
}
