package io.klaxon.store.jdbc.hosts;

import static io.klaxon.store.jdbc.Columns.column;
import static org.jooq.impl.DSL.name;

import io.klaxon.store.jdbc.Dialect;
import io.klaxon.store.jdbc.alert.AlertTables;
import java.time.Instant;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The host detector's tables (migration V3), typed as {@link AlertTables} types the alerts'. */
final class HostTables {

  final Servers servers;
  final States states;
  final Settings settings;

  HostTables(Dialect dialect) {
    DataType<Instant> time = dialect.timestamp();
    DataType<String> json = dialect.json();
    servers = new Servers(time, json);
    states = new States(time);
    settings = new Settings(time, json);
  }

  /** {@code servers}: one row per server, referencing its subject. */
  static final class Servers {
    static final String NAME = "servers";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<String> id = column(NAME, "id", SQLDataType.VARCHAR);
    final Field<String> hostname = column(NAME, "hostname", SQLDataType.VARCHAR);
    final Field<String> displayName = column(NAME, "display_name", SQLDataType.VARCHAR);
    final Field<String> tags;
    final Field<Boolean> autoRegistered = column(NAME, "auto_registered", SQLDataType.BOOLEAN);
    final Field<Instant> createdAt;
    final Field<Instant> updatedAt;

    private Servers(DataType<Instant> time, DataType<String> json) {
      tags = column(NAME, "tags", json);
      createdAt = column(NAME, "created_at", time);
      updatedAt = column(NAME, "updated_at", time);
    }

    /** Every column but the constant subject type, in the order of {@link HostRows#values}. */
    List<Field<?>> columns() {
      return List.of(id, hostname, displayName, tags, autoRegistered, createdAt, updatedAt);
    }
  }

  /** {@code alert_states}: one row per server and check (and service). */
  static final class States {
    static final String NAME = "alert_states";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<String> serverId = column(NAME, "server_id", SQLDataType.VARCHAR);
    final Field<String> type = column(NAME, "type", SQLDataType.VARCHAR);
    final Field<String> service = column(NAME, "service", SQLDataType.VARCHAR);
    final Field<Integer> breaches = column(NAME, "consecutive_breaches", SQLDataType.INTEGER);
    final Field<Integer> clears = column(NAME, "consecutive_clears", SQLDataType.INTEGER);
    final Field<String> level = column(NAME, "level", SQLDataType.VARCHAR);
    final Field<Double> lastValue = column(NAME, "last_value", SQLDataType.DOUBLE);
    final Field<Instant> firstBreachAt;
    final Field<Instant> lastSignalAt;
    final Field<String> alertSeverity = column(NAME, "alert_severity", SQLDataType.VARCHAR);
    final Field<Long> activeAlertId = column(NAME, "active_alert_id", SQLDataType.BIGINT);
    final Field<Instant> lastAlertAt;
    final Field<Instant> lastResolvedAt;

    private States(DataType<Instant> time) {
      firstBreachAt = column(NAME, "first_breach_at", time);
      lastSignalAt = column(NAME, "last_signal_at", time);
      lastAlertAt = column(NAME, "last_alert_at", time);
      lastResolvedAt = column(NAME, "last_resolved_at", time);
    }

    List<Field<?>> key() {
      return List.of(serverId, type, service);
    }

    /** Every column, the key first, in the order of {@link HostRows#values}. */
    List<Field<?>> columns() {
      return List.of(
          serverId,
          type,
          service,
          breaches,
          clears,
          level,
          lastValue,
          firstBreachAt,
          lastSignalAt,
          alertSeverity,
          activeAlertId,
          lastAlertAt,
          lastResolvedAt);
    }
  }

  /** {@code settings}: one JSON document per section. */
  static final class Settings {
    static final String NAME = "settings";
    final Table<Record> table = DSL.table(name(NAME));
    final Field<String> section = column(NAME, "section", SQLDataType.VARCHAR);
    final Field<String> value;
    final Field<Instant> updatedAt;

    private Settings(DataType<Instant> time, DataType<String> json) {
      value = column(NAME, "value", json);
      updatedAt = column(NAME, "updated_at", time);
    }
  }
}
