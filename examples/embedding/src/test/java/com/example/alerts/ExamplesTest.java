package com.example.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.klaxon.alert.AlertStatus;
import io.klaxon.embed.AlertManager;
import io.klaxon.lake.DeltaAlertStore;
import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples of EMBEDDING.md, run against Klaxon's installed jars, then their data checked. */
class ExamplesTest {

  @TempDir Path dir;

  @Test
  void sqliteExampleLeavesOneResolvedAlertAndOnlyTheLibrarysTables() throws Exception {
    Path file = dir.resolve("alerts.db");
    SqliteExample.main(new String[] {file.toString()});
    try (HikariDataSource dataSource = new HikariDataSource()) {
      dataSource.setJdbcUrl(Dialect.sqliteUrl(file));
      try (AlertManager alerts =
          AlertManager.open(JdbcAlertStore.open(dataSource), InstantSource.system())) {
        assertEquals(1, alerts.count(AlertStatus.RESOLVED).join());
        assertEquals(3, alerts.history(1).join().size());
      }
      List<String> tables = new ArrayList<>();
      try (Connection c = dataSource.getConnection();
          ResultSet rs =
              c.createStatement()
                  .executeQuery("select name from sqlite_master where type = 'table'"
                      + " and name not like 'sqlite_%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      assertEquals(
          Set.of(
              "alerts",
              "alert_occurrences",
              "alert_history",
              "alert_ids",
              "alert_counts",
              "alert_counts_by_time",
              "engine_partitions",
              "alert_feed",
              "alert_log",
              "subjects",
              "flyway_schema_history"),
          Set.copyOf(tables));
    }
  }

  @Test
  void deltaExampleKeepsTheAcknowledgedAlertAcrossRuns() {
    Path lake = dir.resolve("alerts-lake");
    DeltaExample.main(new String[] {lake.toString()});
    assertTrue(Files.isDirectory(lake.resolve("_delta_log")));
    try (AlertManager alerts =
        AlertManager.open(DeltaAlertStore.open(lake), InstantSource.system())) {
      assertEquals(1, alerts.count(AlertStatus.ACKNOWLEDGED).join());
    }
  }
}
