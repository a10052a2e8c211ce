package io.klaxon.store.jdbc.hosts;

import io.klaxon.alert.Severity;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.HostCheck;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.Level;
import io.klaxon.detect.hosts.Server;
import io.klaxon.detect.hosts.StateKey;
import io.klaxon.store.jdbc.alert.AlertRows;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Servers, alert states and host settings to rows and back, JSON included. */
final class HostRows {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final HostTables.Servers servers;
  private final HostTables.States states;

  HostRows(HostTables tables) {
    this.servers = tables.servers;
    this.states = tables.states;
  }

  /** A server's column values, in the order of {@link HostTables.Servers#columns()}. */
  List<@Nullable Object> values(Server server) {
    return Arrays.asList(
        server.id(),
        server.hostname(),
        server.displayName(),
        tags(server),
        server.autoRegistered(),
        server.createdAt(),
        server.updatedAt());
  }

  /** The tags column: a JSON array of strings. */
  static String tags(Server server) {
    return JSON.writeValueAsString(server.tags());
  }

  Server server(Record row) {
    return new Server(
        row.get(servers.id),
        row.get(servers.hostname),
        row.get(servers.displayName),
        JSON.readValue(row.get(servers.tags), STRINGS),
        row.get(servers.autoRegistered),
        row.get(servers.createdAt),
        row.get(servers.updatedAt));
  }

  /** A state's column values, in the order of {@link HostTables.States#columns()}. */
  List<@Nullable Object> values(AlertState state) {
    Severity severity = state.alertSeverity();
    return Arrays.asList(
        state.key().server(),
        state.key().check().word(),
        state.key().service(),
        state.consecutiveBreaches(),
        state.consecutiveClears(),
        state.level().word(),
        state.lastValue(),
        state.firstBreachAt(),
        state.lastSignalAt(),
        severity == null ? null : severity.word(),
        state.activeAlertId(),
        state.lastAlertAt(),
        state.lastResolvedAt());
  }

  AlertState state(Record row) {
    String severity = row.get(states.alertSeverity);
    return new AlertState(
        new StateKey(
            row.get(states.serverId),
            HostCheck.parse(row.get(states.type)),
            row.get(states.service)),
        row.get(states.breaches),
        row.get(states.clears),
        Level.parse(row.get(states.level)),
        row.get(states.lastValue),
        row.get(states.firstBreachAt),
        row.get(states.lastSignalAt),
        severity == null ? null : AlertRows.severity(severity),
        row.get(states.activeAlertId),
        row.get(states.lastAlertAt),
        row.get(states.lastResolvedAt));
  }

  static String json(HostSettings settings) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("cpu", thresholds(settings.cpu()));
    document.put("memory", thresholds(settings.memory()));
    document.put("disk", thresholds(settings.disk()));
    document.put("autoResolveSamples", settings.autoResolveSamples());
    document.put("coolDownSeconds", settings.coolDownSeconds());
    document.put("offlineAfterSeconds", settings.offlineAfterSeconds());
    document.put("maxClockSkewSeconds", settings.maxClockSkewSeconds());
    document.put("autoRegister", settings.autoRegister());
    return JSON.writeValueAsString(document);
  }

  /** Settings as saved; a field saved by an older version that lacked it takes its default. */
  static HostSettings settings(String json) {
    JsonNode document = JSON.readTree(json);
    HostSettings defaults = HostSettings.defaults();
    return new HostSettings(
        thresholds(document.path("cpu"), defaults.cpu()),
        thresholds(document.path("memory"), defaults.memory()),
        thresholds(document.path("disk"), defaults.disk()),
        document.path("autoResolveSamples").asInt(defaults.autoResolveSamples()),
        document.path("coolDownSeconds").asLong(defaults.coolDownSeconds()),
        document.path("offlineAfterSeconds").asLong(defaults.offlineAfterSeconds()),
        document.path("maxClockSkewSeconds").asLong(defaults.maxClockSkewSeconds()),
        document.path("autoRegister").asBoolean(defaults.autoRegister()));
  }

  private static Map<String, Object> thresholds(HostSettings.Thresholds thresholds) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("high", thresholds.high());
    document.put("critical", thresholds.critical());
    document.put("consecutive", thresholds.consecutive());
    return document;
  }

  private static HostSettings.Thresholds thresholds(
      JsonNode document, HostSettings.Thresholds defaults) {
    return new HostSettings.Thresholds(
        document.path("high").asDouble(defaults.high()),
        document.path("critical").asDouble(defaults.critical()),
        document.path("consecutive").asInt(defaults.consecutive()));
  }
}
