package io.klaxon.detect.odds;

import org.jspecify.annotations.Nullable;

/**
 * One bookmaker's prices for one series, only those inside the look-back window, oldest first,
 * and its last sighting (available or suspended). A ring of primitive arrays rather than a deque
 * of objects: the detector holds one per bookmaker and series and takes millions of prices a
 * second, so it should neither box nor allocate per price. Not thread-safe.
 */
final class PriceWindow {

  private long[] times = new long[4];
  private double[] prices = new double[4];
  private int head;
  private int size;
  private long lastSeenAt = Long.MIN_VALUE;
  private boolean lastAvailable;

  /**
   * Takes a sighting newer than the last one and drops prices older than {@code from}; an
   * available sighting adds its price, a suspended one only marks the outcome suspended.
   *
   * @return false, changing nothing, when the sighting is not newer than the last one (a repeat
   *     or a late arrival, which must not rewrite the past)
   */
  boolean add(long at, double price, boolean available, long from) {
    if (at <= lastSeenAt) {
      return false;
    }
    lastSeenAt = at;
    lastAvailable = available;
    if (available) {
      if (size == times.length) {
        grow();
      }
      int tail = (head + size) % times.length;
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
      int index = (head + i) % times.length;
      if (times[index] >= from) {
        return Move.of(prices[index], prices[(head + size - 1) % times.length]);
      }
    }
    return null;
  }

  /** Whether the bookmaker showed the outcome available at its last sighting, at or after from. */
  boolean offers(long from) {
    return lastAvailable && lastSeenAt >= from;
  }

  /** Whether it was seen at all at or after {@code from}. */
  boolean seenSince(long from) {
    return lastSeenAt >= from;
  }

  /** Prices held, for tests of the memory bound. */
  int size() {
    return size;
  }

  private void trim(long from) {
    while (size > 0 && times[head] < from) {
      head = (head + 1) % times.length;
      size--;
    }
  }

  private void grow() {
    long[] newTimes = new long[times.length * 2];
    double[] newPrices = new double[times.length * 2];
    for (int i = 0; i < size; i++) {
      int index = (head + i) % times.length;
      newTimes[i] = times[index];
      newPrices[i] = prices[index];
    }
    times = newTimes;
    prices = newPrices;
    head = 0;
  }
}
