package io.klaxon.store;

/**
 * A store's durable counter of alert ids, from which engines reserve blocks: an id reserved is
 * never handed out again, even after a crash, so ids need no write in every commit.
 */
@FunctionalInterface
public interface IdBlocks {

  /**
   * Reserves {@code count} ids, in a transaction of its own, after every id reserved or stored so
   * far.
   *
   * @return the largest id before the block: the caller owns the ids after it, up to {@code count}
   *     of them
   * @throws io.klaxon.problem.Unavailable when the store cannot be reached
   */
  long reserve(int count);

  /**
   * Returns the unused end of the block that ends at {@code through}, from {@code from} on, when no
   * block was reserved after it (an engine that stops cleanly), so that a restart continues without
   * a gap; otherwise those ids stay spent. This default keeps them spent.
   */
  default void giveBack(long from, long through) {}
}
