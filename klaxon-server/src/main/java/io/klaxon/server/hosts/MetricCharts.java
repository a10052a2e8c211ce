package io.klaxon.server.hosts;

import io.klaxon.alert.Alert;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.detect.hosts.MetricPoint;
import io.klaxon.detect.hosts.MetricQuery;
import io.klaxon.server.console.ChartSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

/**
 * The server page's charts (issue 18): cpu, memory and disk over the last hours, each with its
 * thresholds as dashed lines and the periods of its alerts shaded.
 */
final class MetricCharts {

  /** What the page shows back from now. */
  static final Duration SPAN = Duration.ofHours(6);

  /**
   * One metric's chart for the page.
   *
   * @param spec the chart as JSON for {@code data-chart}; null when there is no sample to draw
   */
  record Chart(String metric, @Nullable String spec, int points) {}

  private MetricCharts() {}

  static List<Chart> of(
      String server,
      MetricHistory history,
      HostSettings settings,
      List<Alert> alerts,
      Instant now,
      ObjectMapper json) {
    Instant from = now.minus(SPAN);
    List<Chart> charts = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      List<MetricPoint> points =
          history.read(
              new MetricQuery(server, metric, from, now, MetricQuery.defaultStep(from, now)));
      String spec =
          points.isEmpty()
              ? null
              : json.writeValueAsString(chart(metric, points, settings, alerts, now));
      charts.add(new Chart(metric.word(), spec, points.size()));
    }
    return charts;
  }

  static ChartSpec chart(
      Metric metric,
      List<MetricPoint> points,
      HostSettings settings,
      List<Alert> alerts,
      Instant now) {
    List<Long> x = new ArrayList<>();
    List<Double> avg = new ArrayList<>();
    List<Double> max = new ArrayList<>();
    List<Double> high = new ArrayList<>();
    List<Double> critical = new ArrayList<>();
    List<Double> alerting = new ArrayList<>();
    HostSettings.Thresholds thresholds = settings.thresholds(metric);
    for (MetricPoint point : points) {
      x.add(point.at().getEpochSecond());
      avg.add(point.avg());
      max.add(point.max());
      high.add(thresholds.high());
      critical.add(thresholds.critical());
      alerting.add(during(metric, point.at(), alerts, now) ? 100.0 : null);
    }
    return new ChartSpec(
        x,
        List.of(
            new ChartSpec.Series("avg", "#0b57b0", avg),
            new ChartSpec.Series("max", "#7aa7e0", max),
            new ChartSpec.Series("high", "#e37400", high, false, true),
            new ChartSpec.Series("critical", "#b3261e", critical, false, true),
            new ChartSpec.Series("alert", "#b3261e", alerting, true, false)),
        metric.word() + " %",
        false,
        false,
        200);
  }

  /** Whether an alert of the metric's type was open at the time. */
  private static boolean during(Metric metric, Instant at, List<Alert> alerts, Instant now) {
    for (Alert alert : alerts) {
      Instant end = alert.resolvedAt() != null ? alert.resolvedAt() : now;
      if (alert.type().equals(metric.check().word())
          && !at.isBefore(alert.detectedAt().minusSeconds(59))
          && !at.isAfter(end)) {
        return true;
      }
    }
    return false;
  }
}
