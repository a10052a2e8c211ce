package io.klaxon.detect.hosts;

import io.klaxon.problem.InvalidInput;
import java.util.Locale;

/** What a metric sample measures, in percent of capacity. */
public enum Metric {
  CPU(HostCheck.CPU),
  MEMORY(HostCheck.MEMORY),
  DISK(HostCheck.DISK);

  private final HostCheck check;

  Metric(HostCheck check) {
    this.check = check;
  }

  /** The check (and alert type) this metric feeds. */
  public HostCheck check() {
    return check;
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a metric from its word, case-insensitively.
   *
   * @throws InvalidInput naming {@code metric} for anything but cpu, memory and disk
   */
  public static Metric parse(String text) {
    for (Metric metric : values()) {
      if (metric.word().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return metric;
      }
    }
    throw new InvalidInput("metric", "unknown metric '" + text + "': use cpu, memory or disk");
  }
}
