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

  /**
   * The alert's history with the appendix's entries merged in by time (a history entry first at the
   * same instant); an appended entry shows the version and status of the change before it.
   */
  static List<HistoryView> merged(List<HistoryEntry> history, List<HistoryAppendix.Entry> extra) {
    List<HistoryView> views = new java.util.ArrayList<>(history.size() + extra.size());
    history.forEach(entry -> views.add(of(entry)));
    if (extra.isEmpty() || history.isEmpty()) {
      return views;
    }
    List<HistoryAppendix.Entry> sorted =
        extra.stream().sorted(java.util.Comparator.comparing(HistoryAppendix.Entry::at)).toList();
    List<HistoryView> merged = new java.util.ArrayList<>(views.size() + sorted.size());
    int next = 0;
    for (HistoryView view : views) {
      while (next < sorted.size()
          && sorted.get(next).at().isBefore(view.at())
          && !merged.isEmpty()) {
        merged.add(appended(sorted.get(next++), merged.getLast()));
      }
      merged.add(view);
    }
    while (next < sorted.size()) {
      merged.add(appended(sorted.get(next++), merged.getLast()));
    }
    return merged;
  }

  private static HistoryView appended(HistoryAppendix.Entry entry, HistoryView before) {
    return new HistoryView(
        before.version(),
        entry.at(),
        entry.actor(),
        entry.action(),
        before.toStatus(),
        before.toStatus(),
        List.of(),
        entry.note());
  }

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
