package io.klaxon.suppress;

import java.util.List;

/** Where snoozes are kept: at most one per alert. */
public interface SnoozeStore {

  /** Snoozes the alert, replacing a snooze it had. */
  void put(Snooze snooze);

  /** Ends the alert's snooze; answers whether it had one. */
  boolean remove(long alertId);

  /** Every snooze, ended ones included until removed. */
  List<Snooze> all();
}
