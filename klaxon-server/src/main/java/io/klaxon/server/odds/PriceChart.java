package io.klaxon.server.odds;

import io.klaxon.alert.Alert;
import io.klaxon.detect.odds.PricePoint;
import io.klaxon.server.console.ChartSpec;
import io.klaxon.server.console.When;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The risk event page's chart and table of an alert's price points (issue 18): the house against
 * each competitor, one line each, and the alert's opening marked as a point of its own.
 */
final class PriceChart {

  private static final String[] COLORS = {"#b3261e", "#1e8e3e", "#8e24aa", "#e37400", "#5f6368"};
  static final String HOUSE_COLOR = "#0b57b0";
  static final String OPENED = "alert opened";

  private PriceChart() {}

  static ChartSpec chart(List<PricePoint> points, Alert alert) {
    long opened = alert.detectedAt().getEpochSecond();
    TreeSet<Long> seconds = new TreeSet<>();
    seconds.add(opened);
    Map<String, Map<Long, Double>> lines = new LinkedHashMap<>();
    for (PricePoint point : points) {
      long second = point.at().getEpochSecond();
      seconds.add(second);
      lines
          .computeIfAbsent(point.bookmaker(), b -> new LinkedHashMap<>())
          .put(second, point.odds());
    }
    List<Long> x = new ArrayList<>(seconds);
    List<ChartSpec.Series> series = new ArrayList<>();
    int competitor = 0;
    for (Map.Entry<String, Map<Long, Double>> line : lines.entrySet()) {
      boolean house = isHouse(points, line.getKey());
      String color = house ? HOUSE_COLOR : COLORS[competitor++ % COLORS.length];
      String label = house ? line.getKey() + " (house)" : line.getKey();
      series.add(new ChartSpec.Series(label, color, values(x, line.getValue())));
    }
    List<Double> mark = new ArrayList<>();
    for (Long second : x) {
      mark.add(second == opened ? alert.value() : null);
    }
    series.add(new ChartSpec.Series(OPENED, "#000000", mark));
    return new ChartSpec(x, series, "odds", true, false, 280);
  }

  /** The points as the table shows them, house first, each bookmaker oldest first. */
  static List<RiskConsoleController.PricePoint> table(List<PricePoint> points, Instant now) {
    List<RiskConsoleController.PricePoint> rows = new ArrayList<>();
    for (PricePoint point : points) {
      rows.add(
          new RiskConsoleController.PricePoint(
              When.at(point.at(), now),
              point.odds(),
              point.house() ? point.bookmaker() + " (house)" : point.bookmaker()));
    }
    return rows;
  }

  private static boolean isHouse(List<PricePoint> points, String bookmaker) {
    return points.stream().anyMatch(p -> p.house() && p.bookmaker().equals(bookmaker));
  }

  private static List<Double> values(List<Long> x, Map<Long, Double> line) {
    List<Double> values = new ArrayList<>(x.size());
    for (Long second : x) {
      values.add(line.get(second));
    }
    return values;
  }
}
