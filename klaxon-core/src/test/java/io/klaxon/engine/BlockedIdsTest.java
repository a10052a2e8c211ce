package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.store.IdBlocks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Alert ids in blocks from a store's counter: unique, without gaps after a clean stop. */
class BlockedIdsTest {

  /** A store's counter: blocks follow each other; a block's unused end comes back if last. */
  static class Counter implements IdBlocks {
    long reservedThrough;
    final List<Integer> sizes = new ArrayList<>();

    @Override
    public synchronized long reserve(int count) {
      sizes.add(count);
      long before = reservedThrough;
      reservedThrough += count;
      return before;
    }

    @Override
    public synchronized void giveBack(long from, long through) {
      if (reservedThrough == through) {
        reservedThrough = from - 1;
      }
    }
  }

  @Test
  void idsFollowEachOtherAcrossBlocks_andBlocksGrowWhileTheyGoQuickly() {
    Counter counter = new Counter();
    AlertIds ids = AlertIds.inBlocks(counter);

    for (long expected = 1; expected <= 1_000; expected++) {
      assertThat(ids.next()).isEqualTo(expected);
    }
    assertThat(counter.sizes.getFirst()).isEqualTo(BlockedIds.FIRST_BLOCK);
    assertThat(counter.sizes).isSorted().hasSizeLessThan(6);
  }

  @Test
  void aCleanStopGivesTheUnusedEndBack_soTheNextEngineContinuesWithoutAGap() {
    Counter counter = new Counter();
    AlertIds first = AlertIds.inBlocks(counter);
    first.next();
    first.next();
    first.close();

    assertThat(AlertIds.inBlocks(counter).next()).isEqualTo(3);
  }

  @Test
  void anEngineThatDiedKeepsItsBlock_andAnotherEngineNeverGetsOneOfItsIds() {
    Counter counter = new Counter();
    AlertIds died = AlertIds.inBlocks(counter);
    long before = died.next(); // no close: as after kill -9

    AlertIds next = AlertIds.inBlocks(counter);
    assertThat(next.next()).isGreaterThan(before + BlockedIds.FIRST_BLOCK - 1);
    // An engine that reserved after the dead one's block keeps the return of it from landing.
    died.close();
    assertThat(AlertIds.inBlocks(counter).next()).isEqualTo(2L * BlockedIds.FIRST_BLOCK + 1);
  }

  @Test
  void idsOfABatchThatDidNotCommitComeBackOnlyWhenNoneWasHandedOutAfter() {
    AlertIds ids = AlertIds.inBlocks(new Counter());
    long a = ids.next();
    long b = ids.next();
    ids.giveBack(a, b);
    assertThat(ids.next()).isEqualTo(a);

    long c = ids.next();
    long d = ids.next();
    ids.giveBack(c, c); // d was handed out after: c stays spent
    assertThat(ids.next()).isEqualTo(d + 1);
  }

  @Test
  void skippingPastStoredIdsMovesOn_evenPastTheBlock() {
    Counter counter = new Counter();
    AlertIds ids = AlertIds.inBlocks(counter);
    ids.next();
    ids.skipTo(10);
    assertThat(ids.next()).isEqualTo(11);
    ids.skipTo(10_000);
    assertThat(ids.next()).isGreaterThan(BlockedIds.FIRST_BLOCK);
  }

  @Test
  void partitionsSharingTheAllocatorNeverGetTheSameId() throws Exception {
    AlertIds ids = AlertIds.inBlocks(new Counter());
    ExecutorService partitions = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Long>>> taken = new ArrayList<>();
      for (int p = 0; p < 4; p++) {
        taken.add(
            partitions.submit(
                () -> {
                  List<Long> mine = new ArrayList<>();
                  for (int i = 0; i < 5_000; i++) {
                    mine.add(ids.next());
                  }
                  return mine;
                }));
      }
      Set<Long> all = new HashSet<>();
      for (Future<List<Long>> future : taken) {
        all.addAll(future.get());
      }
      assertThat(all).hasSize(20_000);
    } finally {
      partitions.shutdownNow();
    }
  }
}
