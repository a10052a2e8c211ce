package io.klaxon.server.odds;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.detect.odds.PricePaths;
import io.klaxon.server.alert.AlertRow;
import io.klaxon.server.console.ChartSpec;
import io.klaxon.server.console.ConsolePage;
import io.klaxon.server.console.When;
import io.klaxon.store.AlertStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The risk desk (seeds 000/001): sports events with their open alerts, one event's alerts, and the
 * price path of an alerted outcome, read from the alert's own history of values.
 */
@Controller
@ConsolePage
class RiskConsoleController {

  static final String EVENT = "event";
  private static final int ACTIVE_LIMIT = AlertQuery.MAX_LIMIT;
  private static final int RECENT_LIMIT = 300;

  /** An event on the desk: how many of its alerts are open or acknowledged, and the worst. */
  public record EventRow(
      String key,
      String name,
      long open,
      long acknowledged,
      @Nullable String worst,
      @Nullable When lastAlert) {}

  /** One point of a price path. */
  public record PricePoint(When at, double price, String what) {}

  private final AlertStore store;
  private final InstantSource clock;
  private final ObjectMapper json;

  private final PricePaths paths;

  RiskConsoleController(
      AlertStore store, InstantSource clock, ObjectMapper json, PricePaths paths) {
    this.paths = paths;
    this.store = store;
    this.clock = clock;
    this.json = json;
  }

  @GetMapping("/risk")
  String desk(Model model) {
    Instant now = clock.instant();
    AlertQuery events = AlertQuery.all().withSubject(EVENT, null);
    List<Alert> active =
        store
            .find(
                events
                    .withStatuses(Set.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED))
                    .withPage(AlertSort.LAST_SEEN_AT_DESC, ACTIVE_LIMIT, 0))
            .alerts();
    List<Alert> recent =
        store.find(events.withPage(AlertSort.LAST_SEEN_AT_DESC, RECENT_LIMIT, 0)).alerts();
    Map<String, Tally> tallies = new LinkedHashMap<>();
    for (Alert alert : active) {
      Subject event = Objects.requireNonNull(alert.subject()); // the query asked for events
      tallies.computeIfAbsent(event.key(), k -> new Tally(event)).add(alert, true);
    }
    for (Alert alert : recent) {
      Subject event = Objects.requireNonNull(alert.subject()); // the query asked for events
      tallies.computeIfAbsent(event.key(), k -> new Tally(event)).add(alert, false);
    }
    List<EventRow> rows = new ArrayList<>();
    for (Tally t : tallies.values()) {
      rows.add(
          new EventRow(
              t.subject.key(),
              t.subject.name(),
              t.open,
              t.acknowledged,
              t.worst == null ? null : t.worst.word(),
              When.of(t.last, now)));
    }
    rows.sort(
        Comparator.comparingLong((EventRow r) -> r.open() + r.acknowledged())
            .reversed()
            .thenComparing(
                r -> r.lastAlert() == null ? "" : r.lastAlert().iso(), Comparator.reverseOrder()));
    model.addAttribute("events", rows);
    model.addAttribute("activeCapped", active.size() == ACTIVE_LIMIT);
    return "console/risk";
  }

  /** Counts of one event's alerts, as they are read. */
  private static final class Tally {
    final Subject subject;
    final java.util.Set<Long> seen = new java.util.HashSet<>();
    long open;
    long acknowledged;
    @Nullable Severity worst;
    @Nullable Instant last;

    Tally(@Nullable Subject subject) {
      this.subject = java.util.Objects.requireNonNull(subject);
    }

    void add(Alert alert, boolean active) {
      if (!seen.add(alert.id())) {
        return;
      }
      if (active) {
        if (alert.status() == AlertStatus.OPEN) {
          open++;
        } else {
          acknowledged++;
        }
        if (worst == null || alert.severity().compareTo(worst) > 0) {
          worst = alert.severity();
        }
      }
      if (last == null || alert.lastSeenAt().isAfter(last)) {
        last = alert.lastSeenAt();
      }
    }
  }

  @GetMapping("/risk/events/{eventId}")
  String event(
      @PathVariable String eventId,
      @RequestParam(name = "alert", required = false) @Nullable Long alertId,
      Model model) {
    Instant now = clock.instant();
    List<Alert> alerts =
        store
            .find(
                AlertQuery.all()
                    .withSubject(EVENT, eventId)
                    .withPage(AlertSort.DETECTED_AT_DESC, RECENT_LIMIT, 0))
            .alerts();
    String name = store.findSubject(EVENT, eventId).map(Subject::name).orElse(eventId);
    model.addAttribute("eventId", eventId);
    model.addAttribute("eventName", name);
    model.addAttribute("rows", alerts.stream().map(a -> AlertRow.of(a, now)).toList());
    model.addAttribute(
        "priced",
        alerts.stream().filter(a -> a.value() != null).map(a -> AlertRow.of(a, now)).toList());
    Alert chosen =
        alerts.stream()
            .filter(a -> a.value() != null && (alertId == null || a.id() == alertId))
            .findFirst()
            .orElse(null);
    model.addAttribute("chosen", chosen);
    if (chosen != null) {
      List<io.klaxon.detect.odds.PricePoint> points = paths.read(chosen.id());
      if (!points.isEmpty()) {
        // The house against each competitor, as the odds pipeline kept them (issue 18).
        model.addAttribute("path", PriceChart.table(points, now));
        model.addAttribute("chart", json.writeValueAsString(PriceChart.chart(points, chosen)));
      } else {
        List<PricePoint> path = pricePath(chosen, store.history(chosen.id()), now);
        model.addAttribute("path", path);
        model.addAttribute("chart", json.writeValueAsString(chart(path, chosen)));
      }
    }
    return "console/risk-event";
  }

  /**
   * The outcome's price as the alert saw it: the price before the move and after it when the alert
   * opened, then every later value its triggers brought.
   */
  static List<PricePoint> pricePath(Alert alert, List<HistoryEntry> history, Instant now) {
    List<PricePoint> path = new ArrayList<>();
    Instant opened = alert.detectedAt();
    Double first = null;
    for (HistoryEntry entry : history) {
      for (HistoryEntry.FieldChange change : entry.changes()) {
        if (change.field().equals("value") && change.from() != null && first == null) {
          first = Double.valueOf(change.from());
        }
      }
    }
    Double openedAt = first != null ? first : alert.value();
    Double before =
        alert.attributes().get("previousOdds") instanceof Number n
            ? n.doubleValue()
            : alert.previousValue();
    if (before != null) {
      path.add(new PricePoint(When.at(opened.minusSeconds(1), now), before, "before the move"));
    }
    if (openedAt != null) {
      path.add(new PricePoint(When.at(opened, now), openedAt, "alert opened"));
    }
    for (HistoryEntry entry : history) {
      for (HistoryEntry.FieldChange change : entry.changes()) {
        if (change.field().equals("value") && change.to() != null && entry.at().isAfter(opened)) {
          path.add(
              new PricePoint(
                  When.at(entry.at(), now),
                  Double.parseDouble(change.to()),
                  entry.action().word()));
        }
      }
    }
    return path;
  }

  private static ChartSpec chart(List<PricePoint> path, Alert alert) {
    List<Long> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    long lastSecond = Long.MIN_VALUE;
    for (PricePoint p : path) {
      long second = Instant.parse(p.at().iso()).getEpochSecond();
      // uPlot wants strictly ascending x: points within one second keep the latest price.
      if (second <= lastSecond) {
        y.set(y.size() - 1, p.price());
        continue;
      }
      x.add(second);
      y.add(p.price());
      lastSecond = second;
    }
    String label = alert.attributes().getOrDefault("outcome", "price").toString();
    return new ChartSpec(
        x, List.of(new ChartSpec.Series(label, "#0b57b0", y)), "odds", true, false, 260);
  }
}
