package io.klaxon.detect.odds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The snapshots of one batch observed at one instant, judged together (issue 18): every price of
 * the round goes into its window first, and only then are the rules asked once per series the round
 * touched, so no alert depends on the order of the round's items (a house outcome listed after a
 * competitor's is not missing). The batch is put in one canonical order first, so that even two
 * sightings of one bookmaker's series at one instant (the first one counts) and the order of the
 * commands do not depend on the order the producer sent them in.
 */
final class Round {

  /** Oldest first; within an instant an order of the snapshots' own fields, total. */
  static final Comparator<OddsSnapshot> CANONICAL =
      Comparator.comparing(OddsSnapshot::observedAt)
          .thenComparing(OddsSnapshot::eventId)
          .thenComparing(OddsSnapshot::bookmaker)
          .thenComparing(OddsSnapshot::marketId)
          .thenComparing(OddsSnapshot::line, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(OddsSnapshot::outcome)
          .thenComparingDouble(OddsSnapshot::odds)
          .thenComparing(OddsSnapshot::available)
          .thenComparing(OddsSnapshot::marketName)
          .thenComparing(OddsSnapshot::eventName, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(OddsSnapshot::kickoff);

  /**
   * A series a round changed.
   *
   * @param housePrice whether the house added an available price to it (its price change is due)
   */
  record Touched(EventBook event, Series series, boolean housePrice, Instant at) {}

  // By identity: a series is one object per event and key while the batch runs.
  private final IdentityHashMap<Series, Touched> touched = new IdentityHashMap<>();
  private final List<Series> order = new ArrayList<>();
  private Instant at = Instant.MIN;

  /** Whether a snapshot observed at {@code observedAt} starts another round. */
  boolean endsBefore(Instant observedAt) {
    return !observedAt.equals(at);
  }

  /** Starts the round of an instant, forgetting the last one. */
  void start(Instant observedAt) {
    at = observedAt;
    touched.clear();
    order.clear();
  }

  void add(Touched change) {
    Touched known = touched.get(change.series());
    if (known == null) {
      touched.put(change.series(), change);
      order.add(change.series());
    } else if (change.housePrice() && !known.housePrice()) {
      touched.put(change.series(), change);
    }
  }

  /** The series touched, in the order first touched (the canonical order of the batch). */
  List<Touched> changes() {
    return order.stream().map(touched::get).toList();
  }

  /** The snapshots in canonical order; as given when they are already (a scraper's usual order). */
  static List<OddsSnapshot> canonical(List<OddsSnapshot> snapshots) {
    for (int i = 1; i < snapshots.size(); i++) {
      if (CANONICAL.compare(snapshots.get(i - 1), snapshots.get(i)) > 0) {
        return snapshots.stream().sorted(CANONICAL).toList();
      }
    }
    return snapshots;
  }
}
