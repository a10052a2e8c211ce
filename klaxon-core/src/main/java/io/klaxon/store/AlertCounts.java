package io.klaxon.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The latest counts of alerts whose rows lag behind the re-trigger log, as a fold writes them: per
 * alert its id, {@code occurrences}, {@code lastSeenAt} (microseconds since the epoch) and {@code
 * version}, side by side in one array of longs. A fold covers up to every active alert: an {@code
 * Alert} built per alert to carry four numbers was a tenth of the writer's work per re-trigger at
 * 100,000 alerts (issue 22), and the engine refills one of these per fold instead of allocating.
 */
public final class AlertCounts {

  private static final int FIELDS = 4;

  private long[] values = new long[FIELDS * 64];
  private int size;

  public void add(long id, long occurrences, long lastSeenMicros, long version) {
    int at = size * FIELDS;
    if (at + FIELDS > values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[at] = id;
    values[at + 1] = occurrences;
    values[at + 2] = lastSeenMicros;
    values[at + 3] = version;
    size++;
  }

  /** Empties it, keeping its room for the next fold. */
  public void clear() {
    size = 0;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public long id(int index) {
    return values[check(index) * FIELDS];
  }

  public long occurrences(int index) {
    return values[check(index) * FIELDS + 1];
  }

  /** The alert's {@code lastSeenAt} in microseconds since the epoch. */
  public long lastSeenMicros(int index) {
    return values[check(index) * FIELDS + 2];
  }

  public long version(int index) {
    return values[check(index) * FIELDS + 3];
  }

  /** An instant in microseconds since the epoch, as {@link #lastSeenMicros} gives it. */
  public static long micros(Instant instant) {
    return micros(instant.getEpochSecond(), instant.getNano());
  }

  /** As {@link #micros(Instant)}, of an instant's seconds and nanoseconds. */
  public static long micros(long epochSecond, int nano) {
    return Math.addExact(Math.multiplyExact(epochSecond, 1_000_000L), nano / 1_000);
  }

  private int check(int index) {
    return Objects.checkIndex(index, size);
  }
}
