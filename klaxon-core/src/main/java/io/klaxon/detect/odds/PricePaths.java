package io.klaxon.detect.odds;

import java.util.List;

/**
 * Where the price points of the odds detector's alerts are kept (issue 18), beside the alerts and
 * not in them: the alert rows are the engine's alone, and a path is what the risk desk looks at,
 * not alert state. The points of an alert go with it (retention, purge).
 *
 * <p>Implementations raise {@link io.klaxon.problem.Unavailable} when the store cannot be reached.
 */
public interface PricePaths {

  /**
   * Adds points to an alert's path (a point kept already, same bookmaker and time, is kept once)
   * and drops its oldest points beyond {@code max}. Nothing when the alert is gone.
   */
  void keep(long alertId, List<PricePoint> points, int max);

  /** An alert's points, house first, then bookmakers by name, each oldest first. */
  List<PricePoint> read(long alertId);
}
