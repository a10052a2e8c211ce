package io.klaxon.server.alertmanager;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.engine.AlertEngine;
import io.klaxon.store.AlertStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The open and acknowledged alerts that came from Alertmanager clients, read from the store page by
 * page (Alertmanager's API answers every matching alert at once), each as the engine last committed
 * it: a re-send's counts and {@code lastSeenAt} (Alertmanager's {@code updatedAt}) reach the row
 * only when the materializer folds them, up to its lag later.
 */
@Component
class ActiveAlerts {

  private final AlertStore store;
  private final AlertEngine engine;

  ActiveAlerts(AlertStore store, AlertEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /**
   * Every active alert with a label-set fingerprint whose attributes have the given text values.
   *
   * @param attributes attribute name to the text its value must equal; narrows the read in SQL
   */
  List<Alert> all(Map<String, String> attributes) {
    AlertQuery query =
        new AlertQuery(
            Set.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED),
            Set.of(),
            Set.of(),
            Set.of(AlertMapping.SOURCE),
            null,
            null,
            null,
            null,
            null,
            attributes,
            AlertSort.DETECTED_AT_ASC,
            AlertQuery.MAX_LIMIT,
            0);
    List<Alert> found = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long offset = 0;
    while (true) {
      AlertPage page =
          engine.current(
              store.find(query.withPage(AlertSort.DETECTED_AT_ASC, AlertQuery.MAX_LIMIT, offset)));
      for (Alert alert : page.alerts()) {
        // Pages move while alerts change; an alert seen twice is kept once.
        if (AlertAttributes.isLabelSet(alert) && seen.add(alert.id())) {
          found.add(alert);
        }
      }
      offset += page.alerts().size();
      if (page.alerts().size() < AlertQuery.MAX_LIMIT || offset >= page.total()) {
        return found;
      }
    }
  }
}
