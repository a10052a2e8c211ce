package io.klaxon.detect.odds;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One bookmaker's prices for one series, only those inside the look-back window, oldest first, and
 * its last sighting (available or suspended). A ring of primitive arrays rather than a deque of
 * objects: the detector holds one per bookmaker and series and takes millions of prices a second,
 * so it should neither box nor allocate per price. Not thread-safe.
 */
final class PriceWindow {

  // Capacities are powers of two (4, doubled when full), so an index wraps with a mask.
  private long[] times = new long[4];
  private double[] prices = new double[4];
  private int head;
  private int size;
  private long lastSeenAt = Long.MIN_VALUE;
  private boolean lastAvailable;

  /**
   * Takes a sighting newer than the last one and drops prices older than {@code from}; an available
   * sighting adds its price, a suspended one only marks the outcome suspended.
   *
   * @return false, changing nothing, when the sighting is not newer than the last one (a repeat or
   *     a late arrival, which must not rewrite the past)
   */
  boolean add(long at, double price, boolean available, long from) {
    return add(at, price, available, from, null);
  }

  /** {@link #add}, recording in {@code undo} how to take it back. */
  boolean add(long at, double price, boolean available, long from, @Nullable UndoLog undo) {
    if (at <= lastSeenAt) {
      return false;
    }
    if (undo != null) {
      // Only the slot written below changes in place: trimming moves head, growing swaps arrays.
      long[] oldTimes = times;
      double[] oldPrices = prices;
      int oldHead = head;
      int oldSize = size;
      long oldLastSeenAt = lastSeenAt;
      boolean oldLastAvailable = lastAvailable;
      int slot = (head + size) & (times.length - 1);
      long slotTime = times[slot];
      double slotPrice = prices[slot];
      undo.record(
          () -> {
            oldTimes[slot] = slotTime;
            oldPrices[slot] = slotPrice;
            times = oldTimes;
            prices = oldPrices;
            head = oldHead;
            size = oldSize;
            lastSeenAt = oldLastSeenAt;
            lastAvailable = oldLastAvailable;
          });
    }
    lastSeenAt = at;
    lastAvailable = available;
    if (available) {
      if (size == times.length) {
        grow();
      }
      int tail = (head + size) & (times.length - 1);
      times[tail] = at;
      prices[tail] = price;
      size++;
    }
    trim(from);
    return true;
  }

  /**
   * The move from the oldest price at or after {@code from} to the latest price, or null when no
   * price is that recent. A single price is a move of 0 %.
   */
  @Nullable Move move(long from) {
    for (int i = 0; i < size; i++) {
      int index = (head + i) & (times.length - 1);
      if (times[index] >= from) {
        return Move.of(prices[index], prices[(head + size - 1) & (times.length - 1)]);
      }
    }
    return null;
  }

  /** What {@link #direction} answers when no price is that recent. */
  static final int NO_PRICE = Integer.MIN_VALUE;

  /**
   * The direction of {@link #move}{@code (from)} (1 drifted, -1 shortened, 0 unmoved) without
   * making a move, or {@link #NO_PRICE}: the rules ask it of every competitor on every snapshot.
   */
  int direction(long from) {
    for (int i = 0; i < size; i++) {
      int index = (head + i) & (times.length - 1);
      if (times[index] >= from) {
        return (int)
            Math.signum(
                Move.percent(prices[index], prices[(head + size - 1) & (times.length - 1)]));
      }
    }
    return NO_PRICE;
  }

  /** Whether the bookmaker showed the outcome available at its last sighting, at or after from. */
  boolean offers(long from) {
    return lastAvailable && lastSeenAt >= from;
  }

  /** Whether it was seen at all at or after {@code from}. */
  boolean seenSince(long from) {
    return lastSeenAt >= from;
  }

  /** Adds the prices held at or after {@code from}, oldest first, as points of the bookmaker. */
  void points(String bookmaker, boolean house, long from, List<PricePoint> out) {
    for (int i = 0; i < size; i++) {
      int index = (head + i) & (times.length - 1);
      if (times[index] >= from) {
        out.add(
            new PricePoint(bookmaker, house, Instant.ofEpochMilli(times[index]), prices[index]));
      }
    }
  }

  /** Prices held, for tests of the memory bound. */
  int size() {
    return size;
  }

  private void trim(long from) {
    while (size > 0 && times[head] < from) {
      head = (head + 1) & (times.length - 1);
      size--;
    }
  }

  private void grow() {
    long[] newTimes = new long[times.length * 2];
    double[] newPrices = new double[times.length * 2];
    for (int i = 0; i < size; i++) {
      int index = (head + i) & (times.length - 1);
      newTimes[i] = times[index];
      newPrices[i] = prices[index];
    }
    times = newTimes;
    prices = newPrices;
    head = 0;
  }
}
