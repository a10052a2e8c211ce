package io.klaxon.bench.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/** Counters shared by the workers of one ingest run, and its latencies once they are done. */
final class LoadStats {

  /** Highest latency kept exactly, in microseconds: longer ones are recorded as this. */
  static final long MAX_MICROS = 600_000_000L;

  final LongAdder events = new LongAdder();
  final LongAdder requests = new LongAdder();
  final LongAdder unavailable = new LongAdder();
  final LongAdder refused = new LongAdder();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Histogram latency = new Histogram(MAX_MICROS, 3);

  static Histogram histogram() {
    return new Histogram(MAX_MICROS, 3);
  }

  static void record(Histogram histogram, long nanos) {
    histogram.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1_000)));
  }

  /** An answer other than 2xx or 503, or an I/O failure ({@code io}). */
  void error(String kind) {
    errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<String, Long> errorsByKind() {
    Map<String, Long> sorted = new TreeMap<>();
    errors.forEach((kind, count) -> sorted.put(kind, count.sum()));
    return sorted;
  }

  /** A worker's latencies, added when it stops. */
  synchronized void merge(Histogram workerLatency) {
    latency.add(workerLatency);
  }

  synchronized Histogram latency() {
    return latency.copy();
  }

  /** {@code p50 1.2 ms, p90 …}: percentiles of a histogram in microseconds. */
  static String percentiles(Histogram h) {
    if (h.getTotalCount() == 0) {
      return "no samples";
    }
    return String.format(
        "p50 %s, p90 %s, p99 %s, max %s (n=%,d)",
        millis(h.getValueAtPercentile(50)),
        millis(h.getValueAtPercentile(90)),
        millis(h.getValueAtPercentile(99)),
        millis(h.getMaxValue()),
        h.getTotalCount());
  }

  private static String millis(long micros) {
    return String.format("%.2f ms", micros / 1000.0);
  }
}
