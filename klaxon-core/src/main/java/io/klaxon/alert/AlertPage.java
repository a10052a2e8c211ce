package io.klaxon.alert;

import java.util.List;
import java.util.Map;

/**
 * One page of a filtered alert list.
 *
 * @param total how many alerts match the filters
 * @param counts per status, how many match the filters other than status
 */
public record AlertPage(List<Alert> alerts, long total, Map<AlertStatus, Long> counts) {

  public AlertPage {
    alerts = List.copyOf(alerts);
    counts = Map.copyOf(counts);
  }
}
