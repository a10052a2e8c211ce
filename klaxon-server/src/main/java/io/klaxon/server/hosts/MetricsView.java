package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.MetricPoint;
import java.time.Instant;
import java.util.List;

/**
 * A server's metric history as {@code GET /api/servers/{id}/metrics} answers it.
 *
 * @param step seconds per point
 */
record MetricsView(String server, Instant from, Instant to, long step, List<Series> series) {

  /** One metric: its thresholds (for the chart's lines) and its points, oldest first. */
  record Series(String metric, double high, double critical, List<MetricPoint> points) {

    static Series of(Metric metric, HostSettings.Thresholds thresholds, List<MetricPoint> points) {
      return new Series(metric.word(), thresholds.high(), thresholds.critical(), points);
    }
  }
}
