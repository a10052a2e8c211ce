package io.klaxon.notify;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps each receiver within its {@link RateLimit}: a sliding window of the recent sends per
 * receiver. Thread-safe; the state lives in memory, so a restart starts every window afresh.
 */
public final class Throttle {

  private final Map<String, Deque<Instant>> sent = new HashMap<>();

  /**
   * Takes a slot for one send to {@code receiver} at {@code now} when its limit allows, and answers
   * {@code now}; otherwise takes nothing and answers the instant a slot frees up.
   */
  public synchronized Instant reserve(String receiver, RateLimit limit, Instant now) {
    Deque<Instant> window = sent.computeIfAbsent(receiver, name -> new ArrayDeque<>());
    Instant start = now.minus(limit.per());
    while (!window.isEmpty() && !window.peekFirst().isAfter(start)) {
      window.pollFirst();
    }
    if (window.size() < limit.count()) {
      window.addLast(now);
      return now;
    }
    return window.peekFirst().plus(limit.per());
  }
}
