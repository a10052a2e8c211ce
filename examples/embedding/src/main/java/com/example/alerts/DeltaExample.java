package com.example.alerts;

import io.klaxon.alert.AlertQuery;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.embed.AlertManager;
import io.klaxon.lake.DeltaAlertStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/** docs/EMBEDDING.md "On Delta Lake": alerts in a Delta table (args[0], default alerts-lake). */
public class DeltaExample {

  public static void main(String[] args) {
    Path lake = Path.of(args.length > 0 ? args[0] : "alerts-lake");
    Decision close =
        Decision.of(
            null,
            "CLOSE",
            "IMMEDIATE",
            "take_profit",
            "SPY",
            "IC",
            "75% of max profit reached",
            Map.of("pnl", 412.5),
            Instant.now());

    try (AlertManager alerts =
        AlertManager.open(DeltaAlertStore.open(lake), InstantSource.system())) {
      long id = alerts.createAlert(close).join().orElseThrow().id();
      alerts.acknowledge(id).join();
    }
    // later, or in another run of the program: the same directory, the same alerts
    try (AlertManager alerts =
        AlertManager.open(DeltaAlertStore.open(lake), InstantSource.system())) {
      var spy = alerts.query(AlertQuery.all().withAttributes(Map.of("symbol", "SPY"))).join();
      System.out.println("SPY alerts: " + spy.alerts());
    }
  }
}
