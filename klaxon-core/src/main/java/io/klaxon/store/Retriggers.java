package io.klaxon.store;

import io.klaxon.store.ChangeSet.AlertUpdate;
import java.util.List;

/**
 * Pure re-triggers of one engine partition's alerts, committed together: only their {@code
 * occurrences}, {@code lastSeenAt} and {@code version} moved, so a store with a log (log first)
 * keeps them as one compact entry instead of rewriting each alert's row.
 *
 * @param partition the engine partition of the alerts
 * @param alerts each alert as re-triggered, with the version its row holds now
 */
public record Retriggers(int partition, List<AlertUpdate> alerts) {

  public Retriggers {
    alerts = List.copyOf(alerts);
  }

  public boolean isEmpty() {
    return alerts.isEmpty();
  }
}
