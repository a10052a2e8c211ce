package io.klaxon.store.jdbc.escalation;

import static io.klaxon.store.jdbc.Columns.column;
import static io.klaxon.store.jdbc.Columns.text;
import static org.jooq.impl.DSL.name;

import io.klaxon.escalation.Escalation;
import io.klaxon.store.jdbc.Dialect;
import java.time.Instant;
import java.util.Objects;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** {@code escalations} (migration V31), typed as the other tables of the store are. */
final class EscalationTable {

  static final String NAME = "escalations";
  final Table<Record> table = DSL.table(name(NAME));
  final Field<Long> id = column(NAME, "id", SQLDataType.BIGINT);
  final Field<Long> alertId = column(NAME, "alert_id", SQLDataType.BIGINT);
  final Field<String> policy = text(NAME, "policy");
  final Field<String> route = text(NAME, "route");
  final Field<Integer> round = column(NAME, "round", SQLDataType.INTEGER);
  final Field<Integer> step = column(NAME, "step", SQLDataType.INTEGER);
  final Field<Instant> nextAt;
  final Field<Instant> startedAt;
  final Field<Instant> lastStepAt;
  final Field<String> lastNotified = text(NAME, "last_notified");
  final Field<String> endReason = text(NAME, "end_reason");
  final Field<Instant> endedAt;
  final Field<Instant> claimedUntil;
  final Field<String> claimedBy = text(NAME, "claimed_by");

  EscalationTable(Dialect dialect) {
    DataType<Instant> time = dialect.timestamp();
    nextAt = column(NAME, "next_at", time);
    startedAt = column(NAME, "started_at", time);
    lastStepAt = column(NAME, "last_step_at", time);
    endedAt = column(NAME, "ended_at", time);
    claimedUntil = column(NAME, "claimed_until", time);
  }

  Field<?>[] all() {
    return new Field<?>[] {
      id,
      alertId,
      policy,
      route,
      round,
      step,
      nextAt,
      startedAt,
      lastStepAt,
      lastNotified,
      endReason
    };
  }

  Escalation read(Record row) {
    return new Escalation(
        Objects.requireNonNull(row.get(id)),
        Objects.requireNonNull(row.get(alertId)),
        Objects.requireNonNull(row.get(policy)),
        Objects.requireNonNull(row.get(route)),
        Objects.requireNonNull(row.get(round)),
        Objects.requireNonNull(row.get(step)),
        row.get(nextAt),
        Objects.requireNonNull(row.get(startedAt)),
        row.get(lastStepAt),
        row.get(lastNotified),
        row.get(endReason));
  }
}
