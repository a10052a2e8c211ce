package io.klaxon.engine;

import io.klaxon.store.IdBlocks;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the ids of new alerts, unique across every partition that shares it. One allocator
 * serves all partitions of a process. Over a store with an id counter of its own, ids come from it
 * in blocks ({@link #inBlocks}); in cluster mode from a database sequence. An id handed out is
 * spent, even when its alert is never committed.
 */
public interface AlertIds {

  /** A new id, larger than every id this allocator handed out before. */
  long next();

  /**
   * Takes back the ids {@code from} to {@code to}, handed out to a batch that was not committed,
   * when no id was handed out after them; otherwise they stay spent. So one engine alone numbers
   * its alerts without gaps, as a single writer always did.
   */
  default void giveBack(long from, long to) {}

  /**
   * Never hands out an id up to {@code last}: ids a store holds after a commit that may have
   * landed.
   */
  default void skipTo(long last) {}

  /**
   * Called once the engine that owns this allocator has stopped and will hand out no more ids: an
   * allocator in blocks returns what it did not use.
   */
  default void close() {}

  /**
   * Takes ids from a store's counter in blocks, so that commits need not record the largest id (see
   * {@link io.klaxon.store.AlertStore#idBlocks}); ids stay unique across restarts and crashes.
   */
  static AlertIds inBlocks(IdBlocks blocks) {
    return new BlockedIds(blocks);
  }

  /** Counts on from {@code last} (the store's {@link io.klaxon.store.AlertStore#maxAlertId}). */
  static AlertIds after(long last) {
    AtomicLong counter = new AtomicLong(last);
    return new AlertIds() {
      @Override
      public long next() {
        return counter.incrementAndGet();
      }

      @Override
      public void giveBack(long from, long to) {
        counter.compareAndSet(to, from - 1);
      }

      @Override
      public void skipTo(long last) {
        counter.accumulateAndGet(last, Math::max);
      }
    };
  }
}
