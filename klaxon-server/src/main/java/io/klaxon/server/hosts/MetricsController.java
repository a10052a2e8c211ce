package io.klaxon.server.hosts;

import io.klaxon.detect.hosts.HostMonitor;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.Metric;
import io.klaxon.detect.hosts.MetricHistory;
import io.klaxon.detect.hosts.MetricQuery;
import io.klaxon.problem.NotFound;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A server's metric history, for its page's charts (issue 18). */
@RestController
@Tag(name = "hosts")
class MetricsController {

  /** The span a chart shows when the request names no {@code from}. */
  static final Duration DEFAULT_SPAN = Duration.ofHours(6);

  private final HostMonitor monitor;
  private final MetricHistory history;
  private final InstantSource clock;

  MetricsController(HostMonitor monitor, MetricHistory history, InstantSource clock) {
    this.monitor = monitor;
    this.history = history;
    this.clock = clock;
  }

  @GetMapping("/api/servers/{id}/metrics")
  @Operation(
      summary = "A server's cpu, memory and disk over time, with the thresholds",
      description =
          "metric (cpu, memory or disk; all three when absent), from and to (ISO-8601; the last 6"
              + " hours up to now by default) and step (seconds, or an ISO-8601 duration such as"
              + " PT1M; at least 1 s, about 360 points by default). Each point is a step's min,"
              + " avg and max. Samples are kept for a day, then as one-minute rows until"
              + " klaxon.hosts.sample-retention.")
  MetricsView metrics(@PathVariable String id, @RequestParam MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    QueryParams read = new QueryParams(params, errors, List.of("metric", "from", "to", "step"));
    String metricText = read.single("metric");
    Metric only = metricText == null ? null : errors.attempt("", () -> Metric.parse(metricText));
    Instant to = read.time("to");
    Instant from = read.time("from");
    Duration step = step(read.single("step"), errors);
    errors.throwIfAny();
    if (monitor.server(id).isEmpty()) {
      throw new NotFound("server", id);
    }
    Instant end = to != null ? to : clock.instant();
    Instant start = from != null ? from : end.minus(DEFAULT_SPAN);
    Duration every = step != null ? step : MetricQuery.defaultStep(start, end);
    List<Metric> metrics = only != null ? List.of(only) : List.of(Metric.values());
    // One check for all: the metrics share the range and step, and a refusal names them once.
    MetricQuery first =
        errors.attempt("", () -> new MetricQuery(id, metrics.getFirst(), start, end, every));
    errors.throwIfAny();
    Objects.requireNonNull(first);
    HostSettings settings = monitor.settings();
    List<MetricsView.Series> series = new ArrayList<>();
    for (Metric metric : metrics) {
      MetricQuery query = new MetricQuery(id, metric, first.from(), first.to(), first.step());
      series.add(MetricsView.Series.of(metric, settings.thresholds(metric), history.read(query)));
    }
    return new MetricsView(id, first.from(), first.to(), first.step().toSeconds(), series);
  }

  /** Whole seconds ({@code 60}) or an ISO-8601 duration ({@code PT1M}); null when absent. */
  private static @Nullable Duration step(@Nullable String text, FieldErrors errors) {
    if (text == null) {
      return null;
    }
    try {
      return text.matches("\\d{1,12}")
          ? Duration.ofSeconds(Long.parseLong(text))
          : Duration.parse(text);
    } catch (RuntimeException e) {
      errors.add("step", "'" + text + "' is neither whole seconds nor an ISO-8601 duration (PT1M)");
      return null;
    }
  }
}
