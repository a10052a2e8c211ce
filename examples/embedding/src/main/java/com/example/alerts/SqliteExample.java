package com.example.alerts;

import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.embed.AlertManager;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/** docs/EMBEDDING.md "Example": alerts in a SQLite file (args[0], default alerts.db). */
public class SqliteExample {

  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "alerts.db");
    try (HikariDataSource dataSource = new HikariDataSource()) {
      dataSource.setJdbcUrl(Dialect.sqliteUrl(file)); // or a jdbc:postgresql: URL

      try (AlertManager alerts =
          AlertManager.open(JdbcAlertStore.open(dataSource), InstantSource.system())) {
        alerts.addListener(
            alert -> System.out.println("changed: " + alert.id() + " " + alert.status()));

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
        var created = alerts.createAlert(close).join(); // Optional<Alert>; empty for HOLD
        long id = created.orElseThrow().id();

        alerts.acknowledge(id).join();
        var open = alerts.activeAlerts().join(); // open and acknowledged, oldest first
        var spy = alerts.query(AlertQuery.all().withAttributes(Map.of("symbol", "SPY"))).join();
        long acknowledged = alerts.count(AlertStatus.ACKNOWLEDGED).join();
        alerts.resolve(id).join();
        var history = alerts.history(id).join(); // created, acknowledged, resolved
        System.out.println(
            "active "
                + open.size()
                + ", SPY "
                + spy.alerts().size()
                + ", acknowledged "
                + acknowledged
                + ", history "
                + history.size());
      }
    }
  }
}
