package io.klaxon.server.suppress;

import io.klaxon.alert.Alert;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.InhibitRuleStore;
import io.klaxon.suppress.MaintenanceWindowStore;
import io.klaxon.suppress.Silence;
import io.klaxon.suppress.Snooze;
import io.klaxon.suppress.SnoozeStore;
import io.klaxon.suppress.Suppressions;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what suppresses alerts from the database when asked, for answers that must be exact at once
 * (Alertmanager's alert list) rather than as of the sweep's last round.
 */
public final class SuppressionsInForce {

  private final MaintenanceWindowStore windows;
  private final InhibitRuleStore rules;
  private final SnoozeStore snoozes;
  private final ActiveAlertReader active;

  SuppressionsInForce(
      MaintenanceWindowStore windows,
      InhibitRuleStore rules,
      SnoozeStore snoozes,
      ActiveAlertReader active) {
    this.windows = windows;
    this.rules = rules;
    this.snoozes = snoozes;
    this.active = active;
  }

  /**
   * The suppressions at {@code now}: these silences, with the windows, inhibition rules and snoozes
   * as stored; the active alerts are read as inhibition sources only when a rule exists.
   */
  public Suppressions at(Instant now, Collection<Silence> silences) {
    List<InhibitRule> inForce = rules.all();
    List<Alert> sources = inForce.isEmpty() ? List.of() : active.all();
    Map<Long, Snooze> holding = new HashMap<>();
    for (Snooze snooze : snoozes.all()) {
      if (snooze.holds(now)) {
        holding.put(snooze.alertId(), snooze);
      }
    }
    return new Suppressions(now, silences, windows.all(), inForce, holding, sources);
  }
}
