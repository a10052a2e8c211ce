package io.klaxon.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.store.AlertChange;
import io.klaxon.store.ChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live stream's reader of the change feed in cluster mode, on a feed held in memory. */
class FeedFollowerTest {

  private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

  private final MemoryFeed feed = new MemoryFeed();
  private final List<Alert> heard = new CopyOnWriteArrayList<>();
  private final AtomicBoolean wanted = new AtomicBoolean(true);
  private final FeedFollower follower = new FeedFollower(feed, Duration.ofMillis(20));

  @AfterEach
  void close() {
    follower.close();
  }

  @Test
  void aClientHearsTheChangesCommittedAfterItJoinedAndNoneBefore() {
    feed.commit(alert(1, 1));
    feed.commit(alert(2, 1));
    follower.follow(heard::addAll, wanted::get);
    follower.joined();
    feed.commit(alert(3, 1));
    feed.commit(alert(1, 2));

    Awaitility.await().until(() -> heard.size() == 2);
    assertThat(heard)
        .extracting(Alert::id, Alert::version)
        .containsExactly(tuple(3, 1), tuple(1, 2));
  }

  @Test
  void everyChangeArrivesOnceInCommitOrder_acrossFullBatches() {
    follower.follow(heard::addAll, wanted::get);
    follower.joined();
    for (long id = 1; id <= 1_234; id++) {
      feed.commit(alert(id, 1));
    }

    Awaitility.await().until(() -> heard.size() >= 1_234);
    assertThat(heard).extracting(Alert::id).containsExactlyElementsOf(range(1, 1_234));
  }

  @Test
  void anAlertReadAtAVersionAlreadySentIsNotSentAgain() {
    follower.follow(heard::addAll, wanted::get);
    follower.joined();
    // Two changes of one alert, read after both: the feed shows it twice as it stands now.
    feed.commitTwiceAsRead(alert(7, 2));
    feed.commit(alert(8, 1));

    Awaitility.await().until(() -> heard.stream().anyMatch(a -> a.id() == 8));
    assertThat(heard)
        .extracting(Alert::id, Alert::version)
        .containsExactly(tuple(7, 2), tuple(8, 1));
  }

  private static org.assertj.core.groups.Tuple tuple(long id, long version) {
    return org.assertj.core.groups.Tuple.tuple(id, version);
  }

  private static List<Long> range(long from, long to) {
    List<Long> ids = new ArrayList<>();
    for (long id = from; id <= to; id++) {
      ids.add(id);
    }
    return ids;
  }

  private static Alert alert(long id, long version) {
    return new Alert(
        id,
        "fp-" + id,
        "feed",
        "disk",
        Severity.HIGH,
        AlertStatus.OPEN,
        "Disk full " + id,
        null,
        null,
        null,
        null,
        null,
        null,
        Map.of(),
        1,
        T0,
        T0,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        version,
        List.of());
  }

  /** A change feed in memory: positions 1, 2, … in the order of {@link #commit}. */
  private static final class MemoryFeed implements ChangeFeed {
    private final List<AlertChange> changes = new CopyOnWriteArrayList<>();

    synchronized void commit(Alert alert) {
      changes.add(change(alert));
    }

    /** Two changes of one alert, each read back as the alert stands after both. */
    synchronized void commitTwiceAsRead(Alert alert) {
      changes.add(change(alert));
      changes.add(change(alert));
    }

    private AlertChange change(Alert alert) {
      HistoryEntry entry =
          new HistoryEntry(
              alert.id(),
              alert.version(),
              T0,
              "test",
              HistoryAction.CREATED,
              null,
              AlertStatus.OPEN,
              List.of(),
              null);
      return new AlertChange(changes.size() + 1L, entry, alert);
    }

    @Override
    public synchronized List<AlertChange> changesAfter(long position, int limit) {
      return changes.stream().filter(c -> c.position() > position).limit(limit).toList();
    }

    @Override
    public synchronized long lastPosition() {
      return changes.size();
    }
  }
}
