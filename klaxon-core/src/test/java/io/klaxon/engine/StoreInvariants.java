package io.klaxon.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The invariants that hold for every stored alert, and between the store and the engine, after
 * every batch. {@link #check} also remembers the alerts that ended, to prove that they never change
 * again except for notes.
 *
 * <p>The {@code acknowledgedAt} invariant, exactly as {@code Lifecycle} keeps it: set iff the
 * status is ACKNOWLEDGED, or the status is final and the alert was ACKNOWLEDGED when it ended
 * (unacknowledging clears it); when set, it is the time of the latest acknowledgement.
 */
final class StoreInvariants {

  /** Alerts as they were when first seen final, by id. */
  private final Map<Long, Alert> ended = new HashMap<>();

  void check(InMemoryAlertStore store, AlertEngine engine, List<String> fingerprints) {
    for (Alert alert : store.all()) {
      checkHistory(alert, store.history(alert.id()));
      checkFinalNeverChanges(alert);
    }
    List<Alert> active = store.loadActive();
    Map<String, Long> activePerFingerprint =
        active.stream().collect(Collectors.groupingBy(Alert::fingerprint, Collectors.counting()));
    assertThat(activePerFingerprint.values())
        .as("active alerts per fingerprint")
        .allMatch(n -> n == 1);
    for (String fingerprint : fingerprints) {
      Optional<Alert> stored =
          active.stream().filter(a -> a.fingerprint().equals(fingerprint)).findFirst();
      assertThat(engine.active(fingerprint))
          .as("engine's active alert for %s", fingerprint)
          .isEqualTo(stored);
    }
    assertThat(engine.activeCount()).as("engine's active count").isEqualTo(active.size());
  }

  private static void checkHistory(Alert alert, List<HistoryEntry> history) {
    String about = "alert " + alert.id() + " " + alert + " with history " + history;
    List<Long> versions = history.stream().map(HistoryEntry::version).toList();
    assertThat(versions)
        .as("history versions grow, from 1: %s", about)
        .startsWith(1L)
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(versions.getLast())
        .as("a pure re-trigger may leave the last versions untold, nothing else: %s", about)
        .isLessThanOrEqualTo(alert.version());
    if (alert.status().isFinal()) {
      assertThat(versions.getLast())
          .as("a final alert's history is whole: %s", about)
          .isEqualTo(alert.version());
    }
    assertThat(history.getFirst().action()).as(about).isEqualTo(HistoryAction.CREATED);
    assertThat(history.getFirst().fromStatus()).as(about).isNull();
    for (int i = 1; i < history.size(); i++) {
      assertThat(history.get(i).fromStatus())
          .as("each entry starts where the one before ended: %s", about)
          .isEqualTo(history.get(i - 1).toStatus());
    }
    assertThat(history.getLast().toStatus()).as(about).isEqualTo(alert.status());
    assertThat(alert.lastSeenAt())
        .as("last seen no earlier than detected: %s", about)
        .isAfterOrEqualTo(alert.detectedAt());
    // The history tells occurrences as they move, entry by entry; a restart may lose the
    // re-triggers not yet told (they stay counted on the alert), never count one twice.
    long told = 1;
    for (HistoryEntry entry : history) {
      for (FieldChange change : entry.changes()) {
        if (change.field().equals("occurrences")) {
          long from = Long.parseLong(change.from());
          long to = Long.parseLong(change.to());
          assertThat(from)
              .as("occurrences told from where they were: %s", about)
              .isGreaterThanOrEqualTo(told);
          assertThat(to).as("occurrences told only as they grow: %s", about).isGreaterThan(from);
          told = to;
        }
      }
    }
    assertThat(alert.occurrences())
        .as("occurrences no fewer than the history told: %s", about)
        .isGreaterThanOrEqualTo(told);
    assertThat(alert.previousSeverity())
        .as("a previous severity differs from the severity: %s", about)
        .isNotEqualTo(alert.severity());
    if (alert.previousValue() != null) {
      assertThat(alert.value())
          .as("a previous value differs from the value: %s", about)
          .isNotNull()
          .isNotEqualTo(alert.previousValue());
    }

    Optional<HistoryEntry> ending =
        history.stream()
            .filter(
                e -> e.fromStatus() != null && e.fromStatus().isActive() && e.toStatus().isFinal())
            .findFirst();
    assertThat(ending.isPresent())
        .as("ended iff final: %s", about)
        .isEqualTo(alert.status().isFinal());
    boolean endedAcknowledged =
        ending.map(e -> e.fromStatus() == AlertStatus.ACKNOWLEDGED).orElse(false);
    assertThat(alert.acknowledgedAt() != null)
        .as("acknowledgedAt set iff acknowledged, or ended while acknowledged: %s", about)
        .isEqualTo(
            alert.status() == AlertStatus.ACKNOWLEDGED
                || (alert.status().isFinal() && endedAcknowledged));
    if (alert.acknowledgedAt() != null) {
      Instant latest =
          history.stream()
              .filter(e -> e.action() == HistoryAction.ACKNOWLEDGED)
              .toList()
              .getLast()
              .at();
      assertThat(alert.acknowledgedAt())
          .as("the latest acknowledgement: %s", about)
          .isEqualTo(latest);
    }
    assertThat(alert.resolvedAt())
        .as("resolvedAt set iff final, when it ended: %s", about)
        .isEqualTo(ending.map(HistoryEntry::at).orElse(null));
  }

  private void checkFinalNeverChanges(Alert alert) {
    Alert first = ended.get(alert.id());
    if (first != null) {
      assertThat(alert)
          .as("a final alert changes only by notes")
          .usingRecursiveComparison()
          .ignoringFields("version")
          .isEqualTo(first);
    } else if (alert.status().isFinal()) {
      ended.put(alert.id(), alert);
    }
  }
}
