package io.klaxon.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.FakeClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the Delta store does beyond the AlertManager contract: pruning, purges, compaction. */
class DeltaAlertStoreTest {

  private static final Instant DAY1 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir Path dir;

  private final FakeClock clock = new FakeClock(DAY1);

  @Test
  void aQueryForOneDay_readsOnlyThatDaysFiles_andAnswersAsTheCacheDoes() {
    DeltaAlertStore store = store(DeltaAlertStore.Reads.SCAN);
    try (AlertEngine engine = AlertEngine.start(store, clock)) {
      for (int day = 0; day < 3; day++) {
        clock.set(DAY1.plus(Duration.ofDays(day)));
        engine.apply(trigger("fp-" + day, "disk", subject("nas-" + day)));
        engine.apply(trigger("cpu-" + day, "cpu", subject("nas-" + day)));
      }
    }
    int files = store.fileCount();
    AlertQuery secondDay =
        new AlertQuery(
            Set.of(),
            Set.of(),
            Set.of("disk"),
            Set.of(),
            null,
            null,
            DAY1.plus(Duration.ofDays(1)),
            DAY1.plus(Duration.ofDays(2)),
            null,
            Map.of(),
            AlertSort.DETECTED_AT_DESC,
            50,
            0);

    List<Alert> found = store.find(secondDay).alerts();

    assertThat(found).extracting(Alert::fingerprint).containsExactly("fp-1");
    // Partition pruning keeps the alert partitions of the two days the range touches; the file
    // statistics of detected_at and type rule out the rest.
    assertThat(store.lastFilesRead()).isLessThan(files / 2);
    assertThat(store(DeltaAlertStore.Reads.CACHED).find(secondDay).alerts()).isEqualTo(found);
  }

  @Test
  void anAlertsHistory_isReadFromItsOwnPartitionAndFilesOnly() {
    DeltaAlertStore store = store(DeltaAlertStore.Reads.CACHED);
    long first;
    try (AlertEngine engine = AlertEngine.start(store, clock)) {
      first = engine.apply(trigger("fp-a", "disk", subject("a"))).alert().id();
      for (int i = 0; i < 5; i++) {
        // Two minutes: each re-trigger of fp-a is then due for a summary, a history row (the
        // second comes a minute plus the alert's own offset after the first).
        clock.advance(Duration.ofMinutes(2));
        engine.apply(trigger("fp-" + i, "disk", subject("b" + i)));
        engine.apply(trigger("fp-a", "disk", subject("a")));
      }
    }

    List<HistoryEntry> history = store.history(first);

    assertThat(history).extracting(HistoryEntry::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(store.lastFilesRead()).isEqualTo(6); // the six commits that wrote its history
  }

  @Test
  void aPurge_deletesTheSubjectsAlertsAndHistory_forGood_andKeepsTheirIds() {
    long purgedId;
    long keptId;
    try (AlertEngine engine = AlertEngine.start(store(DeltaAlertStore.Reads.CACHED), clock)) {
      keptId = engine.apply(trigger("fp-kept", "disk", subject("kept"))).alert().id();
      purgedId = engine.apply(trigger("fp-gone", "disk", subject("gone"))).alert().id();
      engine.apply(new AlertCommand.Purge("server", "gone", Actor.of("admin")));
    }

    for (DeltaAlertStore.Reads reads : DeltaAlertStore.Reads.values()) {
      DeltaAlertStore reopened = store(reads);
      assertThat(reopened.findById(purgedId)).isEmpty();
      assertThat(reopened.history(purgedId)).isEmpty();
      assertThat(reopened.findSubject("server", "gone")).isEmpty();
      assertThat(reopened.findSubject("server", "kept")).isPresent();
      assertThat(reopened.loadActive()).extracting(Alert::id).containsExactly(keptId);
      assertThat(reopened.maxAlertId()).isEqualTo(purgedId); // never handed out again
    }
  }

  @Test
  void retention_deletesAFinalAlertWithItsHistory_forGood_andLeavesTheOthers() {
    long deletedId;
    long keptId;
    try (AlertEngine engine = AlertEngine.start(store(DeltaAlertStore.Reads.CACHED), clock)) {
      keptId = engine.apply(trigger("fp-kept", "disk", subject("nas"))).alert().id();
      deletedId = engine.apply(trigger("fp-old", "disk", subject("nas"))).alert().id();
      engine.apply(
          AlertCommand.Change.of(AlertRef.id(deletedId), Transition.RESOLVE, Actor.of("ops")));
      engine.apply(new AlertCommand.Delete(deletedId, Actor.of("retention")));
    }

    for (DeltaAlertStore.Reads reads : DeltaAlertStore.Reads.values()) {
      DeltaAlertStore reopened = store(reads);
      assertThat(reopened.findById(deletedId)).as("%s", reads).isEmpty();
      assertThat(reopened.history(deletedId)).as("%s", reads).isEmpty();
      assertThat(reopened.findById(keptId)).as("%s", reads).isPresent();
      assertThat(reopened.maxAlertId()).as("%s", reads).isEqualTo(deletedId);
    }
  }

  @Test
  void compaction_mergesSmallFiles_dropsDeletedAlertsRows_andChangesNoAnswer() {
    DeltaAlertStore store = store(DeltaAlertStore.Reads.CACHED);
    long purgedId;
    try (AlertEngine engine = AlertEngine.start(store, clock)) {
      for (int i = 0; i < 4; i++) {
        clock.advance(Duration.ofMinutes(1));
        engine.apply(trigger("fp-" + i, "disk", subject("nas")));
        engine.apply(trigger("fp-" + i, "disk", subject("nas")));
      }
      purgedId = engine.apply(trigger("fp-gone", "disk", subject("gone"))).alert().id();
      engine.apply(new AlertCommand.Purge("server", "gone", Actor.of("admin")));
    }
    var before = store.find(AlertQuery.all());
    int filesBefore = store.fileCount();

    Compaction compaction = store.compact();

    assertThat(compaction.filesBefore()).isEqualTo(filesBefore);
    assertThat(compaction.filesAfter()).isLessThan(filesBefore).isEqualTo(store.fileCount());
    DeltaAlertStore reopened = store(DeltaAlertStore.Reads.SCAN);
    assertThat(reopened.find(AlertQuery.all())).isEqualTo(before);
    assertThat(reopened.history(before.alerts().getFirst().id())).hasSize(2);
    assertThat(reopened.maxAlertId()).isEqualTo(purgedId);
    List<Map<String, Object>> rows = new DeltaLogReader(dir.resolve("alerts")).rows();
    assertThat(rows)
        .filteredOn(r -> Long.valueOf(purgedId).equals(r.get("alert_id")))
        .extracting(r -> r.get("kind"))
        .containsOnly(StoreRows.TOMBSTONE);
  }

  private DeltaAlertStore store(DeltaAlertStore.Reads reads) {
    return DeltaAlertStore.open(dir.resolve("alerts"), clock, reads);
  }

  private static Subject subject(String key) {
    return Subject.of("server", key, null);
  }

  private static AlertCommand.Trigger trigger(String fingerprint, String type, Subject subject) {
    return new AlertCommand.Trigger(
        fingerprint,
        "hosts",
        type,
        Severity.HIGH,
        "Disk almost full on " + subject.key(),
        null,
        subject,
        91.5,
        90.0,
        null,
        Map.of("mount", "/data"),
        null,
        null,
        Actor.of("detector"));
  }
}
