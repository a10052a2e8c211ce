package io.klaxon.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the ids of new alerts, unique across every partition that shares it. One allocator
 * serves all partitions of a process; in cluster mode an allocator may take blocks of ids from a
 * database sequence instead. An id handed out is spent, even when its alert is never committed.
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
