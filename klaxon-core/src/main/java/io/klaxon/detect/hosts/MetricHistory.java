package io.klaxon.detect.hosts;

import java.time.Instant;
import java.util.List;

/**
 * Where metric samples are kept for a server's page (issue 18): every sample for a day, then one
 * row per server, metric and minute (min, average, max) until the retention period ends. Apart from
 * the detector's alert states: the history is what a user looks at, never what the rules read. A
 * server's history goes with the server when its subject is purged.
 *
 * <p>Implementations raise {@link io.klaxon.problem.Unavailable} when the store cannot be reached.
 */
public interface MetricHistory {

  /**
   * Keeps samples of registered servers, all or none; a sample kept already (same server, metric
   * and time: a request sent again) is kept once.
   */
  void keep(List<MetricSample> samples);

  /** The points of the query, oldest first: one per step that holds a sample; none for a gap. */
  List<MetricPoint> read(MetricQuery query);

  /**
   * Rolls the samples observed before {@code rollUpBefore} (cut to the minute) into one-minute
   * rows, and deletes samples and rows observed before {@code deleteBefore}.
   */
  Retained retain(Instant rollUpBefore, Instant deleteBefore);

  /**
   * What one {@link #retain} did.
   *
   * @param rolledUp samples that left the table of samples: folded into one-minute rows, or too old
   *     to keep at all
   * @param deleted one-minute rows deleted as too old
   */
  record Retained(long rolledUp, long deleted) {}
}
