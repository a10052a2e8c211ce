package io.klaxon.engine;

import io.klaxon.store.IdBlocks;

/**
 * Alert ids taken from a store's durable counter in blocks, shared by the engine's partitions:
 * reserving a block is one short transaction of its own, so commits that create alerts no longer
 * update (and wait on) one counter row each. Ids of a block not used before a crash or a stop are
 * skipped, never reused.
 *
 * <p>A block's size follows demand: it doubles while blocks last under a second (a burst of new
 * alerts then costs a reservation every few thousand ids) and starts small, so that a quiet
 * engine's restart skips few ids.
 */
final class BlockedIds implements AlertIds {

  static final int FIRST_BLOCK = 64;
  static final int LARGEST_BLOCK = 16_384;
  private static final long QUICK_NANOS = 1_000_000_000L;

  private final IdBlocks blocks;
  private long next; // the last id handed out
  private long start; // the first id of the current block
  private long end; // the last id of the current block
  private int size = FIRST_BLOCK;
  private long reservedAt;

  BlockedIds(IdBlocks blocks) {
    this.blocks = blocks;
  }

  @Override
  public synchronized long next() {
    if (next >= end) {
      reserve();
    }
    return ++next;
  }

  private void reserve() {
    long now = System.nanoTime();
    if (end > 0) {
      size = now - reservedAt < QUICK_NANOS ? Math.min(size * 2, LARGEST_BLOCK) : FIRST_BLOCK;
    }
    long before = blocks.reserve(size);
    reservedAt = now;
    next = before;
    start = before + 1;
    end = before + size;
  }

  @Override
  public synchronized void giveBack(long from, long to) {
    if (to == next && from >= start) {
      next = from - 1;
    }
  }

  @Override
  public synchronized void close() {
    if (next < end) {
      blocks.giveBack(next + 1, end);
      end = next;
    }
  }

  @Override
  public synchronized void skipTo(long last) {
    // Ids up to last are in the store; past the block, the next reservation starts after them.
    next = Math.max(next, Math.min(last, end));
  }
}
