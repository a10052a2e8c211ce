package io.klaxon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChangeFeed} must do: commit order, resumable, positions never reused, no change
 * passed over when commits land side by side. An implementation's test implements this with the
 * fixture of {@link AlertStoreContract} and names the feed over that store (the JDBC store is today
 * the only implementation, on SQLite and PostgreSQL in klaxon-store-jdbc; the in-memory and Delta
 * stores keep no feed).
 */
public interface ChangeFeedContract extends AlertStoreFixture {

  /** The feed over {@link #store()}, empty before each test. */
  ChangeFeed feed();

  /**
   * Commits {@code changes} through a second writer on the feed's storage, as another partition's
   * commits are, running {@code whileOpen} after the changes are written and before they commit.
   */
  void commitHeldOpen(ChangeSet changes, Runnable whileOpen);

  Subject NAS = Subject.of("server", "nas-01", "NAS 01");
  Subject PI = Subject.of("server", "pi-01", "Pi 01");

  @Test
  default void changesComeInCommitOrderWithTheAlertAsItStandsWhenRead() {
    long start = feed().lastPosition();
    try (AlertEngine engine = engine()) {
      long id = engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS)).alert().id();
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
      engine.apply(
          AlertCommand.Change.of(AlertRef.id(id), Transition.ACKNOWLEDGE, Actor.of("key:ops")));

      List<AlertChange> changes = feed().changesAfter(start, 10);

      // The pure re-trigger (version 2) is counted on the alert, not a material change.
      assertThat(changes)
          .extracting(change -> change.entry().action())
          .containsExactly(HistoryAction.CREATED, HistoryAction.ACKNOWLEDGED);
      assertThat(changes).extracting(change -> change.entry().version()).containsExactly(1L, 3L);
      assertThat(changes).extracting(AlertChange::position).isSorted().doesNotHaveDuplicates();
      // Every change carries the alert as it is now: acknowledged, by whom, at version 3.
      assertThat(changes)
          .allSatisfy(
              change -> {
                assertThat(change.alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
                assertThat(change.alert().acknowledgedBy()).isEqualTo("key:ops");
                assertThat(change.alert().version()).isEqualTo(3);
                assertThat(change.alert().subject()).isEqualTo(NAS);
              });
      assertThat(feed().lastPosition()).isEqualTo(changes.getLast().position());
    }
  }

  @Test
  default void summariesOfRetriggersStayOutOfTheFeed_aRaisedSeverityIsIn() {
    long start = feed().lastPosition();
    long id;
    try (AlertEngine engine = engine()) {
      AlertCommand.Trigger high = AlertStoreFixture.trigger("disk:nas-01", NAS);
      id = engine.apply(high).alertOrThrow().id();
      for (int i = 0; i < 5; i++) {
        clock().advance(Duration.ofSeconds(1));
        engine.apply(high);
      }
      engine.apply(
          new AlertCommand.Trigger(
              high.fingerprint(),
              high.source(),
              high.type(),
              Severity.CRITICAL,
              high.title(),
              high.message(),
              high.subject(),
              high.value(),
              high.threshold(),
              high.changePercent(),
              high.attributes(),
              null,
              null,
              high.actor()));
    }

    assertThat(store().history(id))
        .extracting(HistoryEntry::version, HistoryEntry::action)
        .containsExactly(
            tuple(1L, HistoryAction.CREATED),
            tuple(2L, HistoryAction.RETRIGGERED),
            tuple(7L, HistoryAction.RETRIGGERED));
    List<AlertChange> changes = feed().changesAfter(start, 10);
    assertThat(changes).extracting(change -> change.entry().version()).containsExactly(1L, 7L);
    assertThat(changes.getLast().entry().changes())
        .containsExactly(
            new FieldChange("occurrences", "2", "7"),
            new FieldChange("severity", "high", "critical"));
    assertThat(changes.getLast().alert().occurrences()).isEqualTo(7);
    assertThat(feed().lastPosition()).isEqualTo(changes.getLast().position());
  }

  @Test
  default void aReaderPagingFromItsLastPositionSeesEveryChangeOnce() {
    long start = feed().lastPosition();
    try (AlertEngine engine = engine()) {
      for (int i = 0; i < 7; i++) {
        engine.apply(AlertStoreFixture.trigger("disk:" + i, NAS));
      }
    }
    List<AlertChange> read = new ArrayList<>();
    long position = start;
    for (List<AlertChange> page = feed().changesAfter(position, 3);
        !page.isEmpty();
        page = feed().changesAfter(position, 3)) {
      assertThat(page).hasSizeLessThanOrEqualTo(3);
      read.addAll(page);
      position = page.getLast().position();
    }

    assertThat(read)
        .extracting(change -> change.alert().fingerprint())
        .containsExactly("disk:0", "disk:1", "disk:2", "disk:3", "disk:4", "disk:5", "disk:6");
  }

  @Test
  default void positionsAreNotHandedOutAgainAfterTheNewestChangesAreDeleted() {
    try (AlertEngine engine = engine()) {
      engine.apply(AlertStoreFixture.trigger("disk:pi-01", PI));
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
      long beforePurge = feed().lastPosition();
      // The purge deletes the newest history rows; their positions must stay used.
      engine.apply(new AlertCommand.Purge("server", "nas-01", Actor.of("key:admin")));
      engine.apply(AlertStoreFixture.trigger("cpu:pi-01", PI));

      List<AlertChange> after = feed().changesAfter(beforePurge, 10);

      assertThat(after)
          .extracting(change -> change.alert().fingerprint())
          .containsExactly("cpu:pi-01");
    }
  }

  @Test
  default void aDeletedAlertsChangesLeaveTheFeed() {
    long start = feed().lastPosition();
    try (AlertEngine engine = engine()) {
      engine.apply(AlertStoreFixture.trigger("disk:nas-01", NAS));
      engine.apply(AlertStoreFixture.trigger("disk:pi-01", PI));
      engine.apply(new AlertCommand.Purge("server", "nas-01", Actor.of("key:admin")));
    }

    assertThat(feed().changesAfter(start, 10))
        .extracting(change -> change.alert().fingerprint())
        .containsExactly("disk:pi-01");
  }

  /**
   * Two partitions commit side by side: the one with the lower alert id has written its rows but
   * not committed when the other commits. A reader that read in between and went on from its last
   * position must still see both, once each. (With positions handed out at insert, the second
   * commit would land first with the higher position, and the reader would pass the first change
   * for good.) A feed may number changes as it finds them committed (the JDBC store's sequencer on
   * PostgreSQL: the second change first) or make the second commit wait (SQLite's write lock).
   */
  @Test
  default void aReaderSeesAChangeThatCommitsAfterAHigherIdsChange_fromAnotherPartition()
      throws Exception {
    long start = feed().lastPosition();
    Alert lower = AlertBuilder.alert(1).fingerprint("hosts|server/a-01|disk").build();
    Alert higher = AlertBuilder.alert(2).fingerprint("hosts|server/b-02|disk").build();
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService partitions = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          partitions.submit(
              () ->
                  commitHeldOpen(
                      creation(lower),
                      () -> {
                        written.countDown();
                        awaitQuietly(release);
                      }));
      assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> second = partitions.submit(() -> store().commit(creation(higher)));
      try {
        // The second commit has every chance to land before the first; a store may also make it
        // wait for the first, then the wait ends by its bound, and the outcome is the same.
        second.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException waitingForTheFirst) {
        // as SQLite's write lock orders commits
      }
      List<AlertChange> seen = new ArrayList<>(feed().changesAfter(start, 10));
      long position = seen.isEmpty() ? start : seen.getLast().position();
      release.countDown();
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
      seen.addAll(feed().changesAfter(position, 10));

      assertThat(seen)
          .extracting(change -> change.entry().alertId())
          .containsExactlyInAnyOrder(1L, 2L);
      assertThat(seen).extracting(AlertChange::position).isSorted().doesNotHaveDuplicates();
      assertThat(feed().lastPosition()).isEqualTo(seen.getLast().position());
    } finally {
      release.countDown();
      partitions.shutdownNow();
    }
  }

  /**
   * Several partitions commit material changes side by side while a reader pages the feed: it sees
   * every change exactly once, in position order, whatever the interleaving.
   */
  @Test
  default void readersPagingWhilePartitionsCommitSideBySideSeeEveryChangeOnce() throws Exception {
    long start = feed().lastPosition();
    int writers = 4;
    int perWriter = 50;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      List<Future<?>> commits = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int base = 1 + w * perWriter;
        commits.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perWriter; i++) {
                    Alert alert =
                        AlertBuilder.alert(base + i)
                            .fingerprint("side-by-side:" + (base + i))
                            .build();
                    commitHeldOpen(creation(alert), () -> {});
                  }
                }));
      }
      Future<List<AlertChange>> reader =
          pool.submit(
              () -> {
                List<AlertChange> read = new ArrayList<>();
                long position = start;
                while (read.size() < writers * perWriter) {
                  List<AlertChange> page = feed().changesAfter(position, 7);
                  read.addAll(page);
                  if (page.isEmpty()) {
                    Thread.sleep(5); // a reader's poll interval: the writers are still at it
                  } else {
                    position = page.getLast().position();
                  }
                }
                return read;
              });
      for (Future<?> commit : commits) {
        commit.get(120, TimeUnit.SECONDS);
      }
      List<AlertChange> read = reader.get(120, TimeUnit.SECONDS);

      assertThat(read).extracting(AlertChange::position).isSorted().doesNotHaveDuplicates();
      assertThat(read)
          .extracting(change -> change.entry().alertId())
          .doesNotHaveDuplicates()
          .hasSize(writers * perWriter);
      assertThat(feed().changesAfter(read.getLast().position(), 10)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  default void anEmptyFeedIsAtPositionZeroAndAPageSizeBelowOneIsRefused() {
    assertThat(feed().lastPosition()).isZero();
    assertThat(feed().changesAfter(0, 5)).isEmpty();
    assertThatThrownBy(() -> feed().changesAfter(0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }
}
