package io.klaxon.server.console;

import java.util.List;

/**
 * A line chart for the page script to draw with uPlot, sent as JSON in a {@code data-chart}
 * attribute (no inline script); the page also shows the same numbers as a table.
 *
 * @param x seconds since the epoch, ascending
 */
public record ChartSpec(
    List<Long> x, List<Series> series, String yLabel, boolean points, boolean filled, int height) {

  /**
   * One line: its label, colour and one value (or null for a gap) per x.
   *
   * @param fill whether the area under it is shaded (an alert's period)
   * @param dash whether it is dashed (a threshold)
   */
  public record Series(
      String label, String color, List<Double> values, boolean fill, boolean dash) {

    public Series(String label, String color, List<Double> values) {
      this(label, color, values, false, false);
    }
  }
}
