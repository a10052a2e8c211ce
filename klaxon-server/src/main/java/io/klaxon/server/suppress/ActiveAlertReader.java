package io.klaxon.server.suppress;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.store.AlertStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Every open and acknowledged alert, read page by page, for previews and inhibition. */
@Component
public class ActiveAlertReader {

  private final AlertStore store;

  ActiveAlertReader(AlertStore store) {
    this.store = store;
  }

  /** The active alerts, oldest first, each once. */
  public List<Alert> all() {
    return read(active());
  }

  private static AlertQuery active() {
    return new AlertQuery(
        Set.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED),
        Set.of(),
        Set.of(),
        Set.of(),
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        AlertSort.DETECTED_AT_ASC,
        AlertQuery.MAX_LIMIT,
        0);
  }

  private List<Alert> read(AlertQuery query) {
    List<Alert> found = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    long offset = 0;
    while (true) {
      AlertPage page =
          store.find(query.withPage(AlertSort.DETECTED_AT_ASC, AlertQuery.MAX_LIMIT, offset));
      for (Alert alert : page.alerts()) {
        if (seen.add(alert.id())) {
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
