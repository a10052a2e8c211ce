package io.klaxon.server.alert;

import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStats;
import io.klaxon.alert.Severity;
import io.klaxon.server.console.ChartSpec;
import io.klaxon.server.console.ConsolePage;
import io.klaxon.server.console.When;
import io.klaxon.store.AlertStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The overview: how many alerts were detected per interval by severity (a chart and the same
 * numbers as a table), and the top types and sources of the window.
 */
@Controller
@ConsolePage
class OverviewConsoleController {

  static final Map<String, Duration> WINDOWS =
      Map.of("6h", Duration.ofHours(6), "24h", Duration.ofHours(24), "7d", Duration.ofDays(7));
  static final int BUCKETS = 12;
  private static final Map<Severity, String> COLOURS =
      Map.of(
          Severity.CRITICAL,
          "#7a0916",
          Severity.HIGH,
          "#d9480f",
          Severity.MEDIUM,
          "#e67700",
          Severity.LOW,
          "#1c7ed6",
          Severity.INFO,
          "#5c6670");
  private static final int TOP = 8;

  /** One interval's counts, for the table beside the chart. */
  public record Bucket(When from, long total, List<Long> bySeverity) {}

  /** A name and how many alerts it has. */
  public record Count(String name, long count) {}

  private final AlertStore store;
  private final InstantSource clock;
  private final ObjectMapper json;

  OverviewConsoleController(AlertStore store, InstantSource clock, ObjectMapper json) {
    this.store = store;
    this.clock = clock;
    this.json = json;
  }

  @GetMapping("/overview")
  String overview(@RequestParam(name = "window", defaultValue = "24h") String window, Model model)
      throws InterruptedException {
    Duration span = WINDOWS.getOrDefault(window, Objects.requireNonNull(WINDOWS.get("24h")));
    String shown = WINDOWS.containsKey(window) ? window : "24h";
    Instant now = clock.instant();
    Duration step = span.dividedBy(BUCKETS);
    // The window ends on the next ten-minute boundary, so every interval (30 min, 2 h or 14 h)
    // starts and ends on one: the store then counts them from its per-ten-minute counts table
    // instead of reading every alert of the window.
    Instant end = nextTenMinutes(now);
    Instant start = end.minus(span);
    List<Severity> severities = List.of(Severity.values()).reversed();

    // One count query per interval, side by side; the window's totals are their sums, so no
    // alert is counted by two queries.
    List<Future<AlertStats>> parts = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < BUCKETS; i++) {
        Instant from = start.plus(step.multipliedBy(i));
        Instant to = from.plus(step);
        parts.add(pool.submit(() -> store.stats(between(from, to))));
      }
    }
    long windowTotal = 0;
    Map<String, Long> byType = new HashMap<>();
    Map<String, Long> bySource = new HashMap<>();
    List<Long> x = new ArrayList<>();
    List<List<Double>> values = new ArrayList<>();
    severities.forEach(s -> values.add(new ArrayList<>()));
    List<Bucket> buckets = new ArrayList<>();
    for (int i = 0; i < BUCKETS; i++) {
      AlertStats stats = get(parts.get(i));
      windowTotal += stats.total();
      stats.byType().forEach((k, v) -> byType.merge(k, v, Long::sum));
      stats.bySource().forEach((k, v) -> bySource.merge(k, v, Long::sum));
      Instant from = start.plus(step.multipliedBy(i));
      x.add(from.getEpochSecond());
      List<Long> counts = new ArrayList<>();
      for (int s = 0; s < severities.size(); s++) {
        long n = stats.bySeverity().getOrDefault(severities.get(s), 0L);
        counts.add(n);
        values.get(s).add((double) n);
      }
      buckets.add(
          new Bucket(java.util.Objects.requireNonNull(When.of(from, now)), stats.total(), counts));
    }
    List<ChartSpec.Series> series = new ArrayList<>();
    for (int s = 0; s < severities.size(); s++) {
      series.add(
          new ChartSpec.Series(
              severities.get(s).word(),
              Objects.requireNonNull(COLOURS.get(severities.get(s))), // one for every severity
              values.get(s)));
    }
    model.addAttribute("window", shown);
    model.addAttribute("windows", List.of("6h", "24h", "7d"));
    model.addAttribute(
        "step", step.toMinutes() >= 60 ? step.toHours() + " h" : step.toMinutes() + " min");
    model.addAttribute("severities", severities.stream().map(Severity::word).toList());
    model.addAttribute("buckets", buckets);
    model.addAttribute("total", windowTotal);
    model.addAttribute(
        "chart", json.writeValueAsString(new ChartSpec(x, series, "alerts", false, true, 280)));
    model.addAttribute("types", top(byType));
    model.addAttribute("sources", top(bySource));
    return "console/overview";
  }

  static Instant nextTenMinutes(Instant now) {
    long tenMinutes = Duration.ofMinutes(10).toSeconds();
    long seconds = Math.floorDiv(now.getEpochSecond(), tenMinutes) * tenMinutes + tenMinutes;
    return Instant.ofEpochSecond(seconds);
  }

  private static AlertQuery between(Instant from, Instant to) {
    AlertQuery all = AlertQuery.all();
    return new AlertQuery(
        all.statuses(),
        all.severities(),
        all.types(),
        all.sources(),
        null,
        null,
        from,
        to,
        null,
        all.attributes(),
        all.sort(),
        1,
        0);
  }

  private static AlertStats get(Future<AlertStats> future) throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static List<Count> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }
}
