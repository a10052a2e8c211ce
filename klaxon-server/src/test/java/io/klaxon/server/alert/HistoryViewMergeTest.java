package io.klaxon.server.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryViewMergeTest {

  private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

  private static HistoryEntry entry(
      long version, int second, HistoryAction action, AlertStatus to) {
    return new HistoryEntry(
        1, version, T0.plusSeconds(second), "api", action, null, to, List.of(), null);
  }

  private static HistoryAppendix.Entry extra(int second, String action) {
    return new HistoryAppendix.Entry(
        T0.plusSeconds(second), "notify:hook", action, "note " + second);
  }

  @Test
  void appendedEntriesGoInByTimeWithTheVersionAndStatusBeforeThem() {
    List<HistoryView> merged =
        HistoryView.merged(
            List.of(
                entry(1, 0, HistoryAction.CREATED, AlertStatus.OPEN),
                entry(2, 10, HistoryAction.RESOLVED, AlertStatus.RESOLVED)),
            List.of(extra(11, "notified"), extra(5, "notification_failed"), extra(10, "notified")));

    assertThat(merged)
        .extracting(HistoryView::action)
        .containsExactly("created", "notification_failed", "resolved", "notified", "notified");
    assertThat(merged).extracting(HistoryView::version).containsExactly(1L, 1L, 2L, 2L, 2L);
    assertThat(merged.get(1).toStatus()).isEqualTo("open");
    assertThat(merged.get(3).fromStatus()).isEqualTo("resolved");
    assertThat(merged.get(1).changes()).isEmpty();
  }

  @Test
  void withoutAppendedEntriesTheHistoryIsAsStored() {
    List<HistoryEntry> history = List.of(entry(1, 0, HistoryAction.CREATED, AlertStatus.OPEN));
    assertThat(HistoryView.merged(history, List.of()))
        .extracting(HistoryView::action)
        .containsExactly("created");
  }
}
