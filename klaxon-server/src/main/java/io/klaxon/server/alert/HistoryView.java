package io.klaxon.server.alert;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryEntry;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of an alert's history as the API shows it. */
record HistoryView(
    long version,
    Instant at,
    String actor,
    String action,
    @Nullable String fromStatus,
    String toStatus,
    List<HistoryEntry.FieldChange> changes,
    @Nullable String note) {

  static HistoryView of(HistoryEntry entry) {
    AlertStatus from = entry.fromStatus();
    return new HistoryView(
        entry.version(),
        entry.at(),
        entry.actor(),
        entry.action().word(),
        from == null ? null : from.word(),
        entry.toStatus().word(),
        entry.changes(),
        entry.note());
  }
}
