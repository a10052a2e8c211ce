package io.klaxon.server.alert;

import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One page of alerts, with how many match and how many of each status. */
public record AlertList(
    List<AlertView> alerts, long total, int limit, long offset, Map<String, Long> counts) {

  public static AlertList of(AlertPage page, AlertQuery query) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (AlertStatus status : AlertStatus.values()) {
      counts.put(status.word(), page.counts().getOrDefault(status, 0L));
    }
    return new AlertList(
        page.alerts().stream().map(AlertView::of).toList(),
        page.total(),
        query.limit(),
        query.offset(),
        counts);
  }
}
