package io.klaxon.detect.hosts;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What the host detector watches; each check's word is the type of its alerts. */
public enum HostCheck {
  CPU,
  MEMORY,
  DISK,
  /** No heartbeat for too long. */
  OFFLINE,
  /** A service that a heartbeat reported down; one state per service. */
  SERVICE_DOWN;

  /**
   * The alert type: {@code cpu}, {@code memory}, {@code disk}, {@code offline}, {@code
   * service_down}.
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The metric behind a metric check; null for offline and service checks. */
  public @Nullable Metric metric() {
    return switch (this) {
      case CPU -> Metric.CPU;
      case MEMORY -> Metric.MEMORY;
      case DISK -> Metric.DISK;
      case OFFLINE, SERVICE_DOWN -> null;
    };
  }

  /**
   * Reads a check from its word, as stored.
   *
   * @throws IllegalArgumentException for any other word
   */
  public static HostCheck parse(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }
}
