package io.klaxon.server.odds;

import io.klaxon.alert.Alert;
import io.klaxon.detect.odds.PricePaths;
import io.klaxon.detect.odds.PricePoint;
import io.klaxon.problem.NotFound;
import io.klaxon.store.AlertStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The price path behind an odds alert, per bookmaker (issue 18). */
@RestController
@Tag(name = "alerts")
class PricesController {

  private final AlertStore alerts;
  private final PricePaths paths;

  PricesController(AlertStore alerts, PricePaths paths) {
    this.alerts = alerts;
    this.paths = paths;
  }

  /** The answer: when the alert opened, and each bookmaker's points, the house first. */
  record PricesView(long alertId, Instant openedAt, List<Bookmaker> bookmakers) {}

  /** One bookmaker's prices of the alerted series, oldest first. */
  record Bookmaker(String bookmaker, boolean house, List<Point> points) {}

  record Point(Instant at, double odds) {}

  @GetMapping("/api/alerts/{id}/prices")
  @Operation(
      summary = "The house's and each competitor's prices behind an odds alert",
      description =
          "The prices of the alerted series within the look-back window at each update of the"
              + " alert, per bookmaker (house first), at most klaxon.odds.max-price-points;"
              + " empty for alerts of other sources. 404 for an unknown alert.")
  PricesView prices(@PathVariable long id) {
    Alert alert = alerts.findById(id).orElseThrow(() -> new NotFound("alert", String.valueOf(id)));
    Map<String, Bookmaker> byBookmaker = new LinkedHashMap<>();
    for (PricePoint point : paths.read(id)) {
      byBookmaker
          .computeIfAbsent(
              point.bookmaker(), name -> new Bookmaker(name, point.house(), new ArrayList<>()))
          .points()
          .add(new Point(point.at(), point.odds()));
    }
    return new PricesView(id, alert.detectedAt(), List.copyOf(byBookmaker.values()));
  }
}
