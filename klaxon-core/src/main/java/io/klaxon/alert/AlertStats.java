package io.klaxon.alert;

import java.util.Map;

/** Counts of the alerts that match a query, whole and broken down four ways. */
public record AlertStats(
    long total,
    Map<AlertStatus, Long> byStatus,
    Map<Severity, Long> bySeverity,
    Map<String, Long> byType,
    Map<String, Long> bySource) {

  public AlertStats {
    byStatus = Map.copyOf(byStatus);
    bySeverity = Map.copyOf(bySeverity);
    byType = Map.copyOf(byType);
    bySource = Map.copyOf(bySource);
  }
}
