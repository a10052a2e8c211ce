package io.klaxon.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Delta table without Delta Kernel, as a third-party reader would: the commit files of
 * {@code _delta_log} (plain JSON, read with Jackson) replayed in order give the live data files and
 * their partition values, and DuckDB's own Parquet reader ({@code read_parquet}) reads those files
 * (partition values come from the log, as text). That is the Delta protocol for tables whose commit
 * files are all still there, without deletion vectors or column mapping: what Klaxon writes.
 */
public final class DeltaLogReader {

  private static final JsonMapper JSON = new JsonMapper();

  private final Path table;

  public DeltaLogReader(Path table) {
    this.table = table;
  }

  /** The live data files, relative path to partition values, as the log's commits leave them. */
  public Map<String, Map<String, String>> liveFiles() {
    Map<String, Map<String, String>> live = new LinkedHashMap<>();
    for (JsonNode action : actions()) {
      if (action.has("add")) {
        JsonNode add = action.get("add");
        Map<String, String> partition = new HashMap<>();
        add.get("partitionValues")
            .properties()
            .forEach(e -> partition.put(e.getKey(), e.getValue().asString()));
        live.put(add.get("path").asString(), partition);
      } else if (action.has("remove")) {
        live.remove(action.get("remove").get("path").asString());
      }
    }
    return live;
  }

  /** The latest version an idempotent writer committed under its id, from the log's txn actions. */
  public Optional<Long> transactionVersion(String appId) {
    Long version = null;
    for (JsonNode action : actions()) {
      if (action.has("txn") && action.get("txn").get("appId").asString().equals(appId)) {
        version = action.get("txn").get("version").asLong();
      }
    }
    return Optional.ofNullable(version);
  }

  /** Every row of the live files, each column by name, with the partition columns added. */
  public List<Map<String, Object>> rows() {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duck.createStatement()) {
      for (Map.Entry<String, Map<String, String>> file : liveFiles().entrySet()) {
        Path parquet =
            table.resolve(
                java.net.URLDecoder.decode(file.getKey(), java.nio.charset.StandardCharsets.UTF_8));
        try (ResultSet result =
            statement.executeQuery(
                "select * from read_parquet('" + parquet.toString().replace("'", "''") + "')")) {
          ResultSetMetaData meta = result.getMetaData();
          while (result.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
              row.put(meta.getColumnName(i), result.getObject(i));
            }
            row.putAll(file.getValue()); // the log's partition values, as text, are the truth
            rows.add(row);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private List<JsonNode> actions() {
    List<JsonNode> actions = new ArrayList<>();
    try (Stream<Path> files = Files.list(table.resolve("_delta_log"))) {
      for (Path commit :
          files
              .filter(f -> f.getFileName().toString().matches("\\d{20}\\.json"))
              .sorted()
              .toList()) {
        for (String line : Files.readAllLines(commit)) {
          if (!line.isBlank()) {
            actions.add(JSON.readTree(line));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return actions;
  }
}
