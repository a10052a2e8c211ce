package io.klaxon.server.cluster;

import io.klaxon.alert.Alert;
import io.klaxon.server.alert.LiveChanges;
import io.klaxon.store.AlertChange;
import io.klaxon.store.ChangeFeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode's live changes: the change feed read from PostgreSQL, which holds the commits of
 * every partition whichever instance owns it. One reader thread per instance follows the feed's
 * positions from the moment a client joins, and only while one follows; it reads every {@code
 * interval}, and at once when this instance's own engines commit.
 *
 * <p>The feed is the truth: positions are in commit order, so reading what comes after the last
 * position read misses nothing and repeats nothing. The feed gives each alert as it stands when
 * read, so two changes of one alert read together are one event; an alert already sent at its
 * version is not sent again. Pure re-triggers are not in the feed (ChangeFeed), so the stream of a
 * cluster does not show them.
 */
final class FeedFollower implements LiveChanges, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FeedFollower.class);

  /** Changes read in one query; a full batch is followed by the next at once. */
  private static final int BATCH = 500;

  /** Alerts whose last sent version is remembered, to send none twice; the oldest go first. */
  private static final int REMEMBERED = 10_000;

  private static final long NOT_FOLLOWING = -1;

  private final ChangeFeed feed;
  private final Duration interval;
  private final List<Follower> followers = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  // Apart from the reading lock, so that a commit's wake-up never waits for a query.
  private final ReentrantLock waking = new ReentrantLock();
  private final Condition woken = waking.newCondition();
  private final Map<Long, Long> sentVersions =
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
          return size() > REMEMBERED;
        }
      };
  private final Thread reader;
  private long position = NOT_FOLLOWING;
  private boolean wake;
  private volatile boolean closed;

  FeedFollower(ChangeFeed feed, Duration interval) {
    this.feed = feed;
    this.interval = interval;
    this.reader = Thread.ofPlatform().daemon().name("klaxon-feed-follower").start(this::run);
  }

  private record Follower(Consumer<List<Alert>> listener, BooleanSupplier wanted) {}

  @Override
  public void follow(Consumer<List<Alert>> listener, BooleanSupplier wanted) {
    followers.add(new Follower(listener, wanted));
  }

  /** Starts following at the feed's newest position, unless already following. */
  @Override
  public void joined() {
    lock.lock();
    try {
      if (position == NOT_FOLLOWING) {
        position = feed.lastPosition();
        sentVersions.clear();
      }
    } finally {
      lock.unlock();
    }
  }

  /** Reads the feed now rather than at the next interval: this instance committed something. */
  void wake() {
    waking.lock();
    try {
      wake = true;
      woken.signal();
    } finally {
      waking.unlock();
    }
  }

  private void run() {
    boolean failing = false;
    while (!closed) {
      boolean more = false;
      lock.lock();
      try {
        more = round();
        if (failing) {
          log.info("Reading the change feed for the live stream again");
          failing = false;
        }
      } catch (RuntimeException e) {
        if (!failing) {
          log.warn("Cannot read the change feed for the live stream; retrying: {}", e.toString());
          failing = true;
        }
      } finally {
        lock.unlock();
      }
      if (!more) {
        pause();
      }
    }
  }

  /** One read under the lock, so that a client joining sees a position no round moves past. */
  private boolean round() {
    if (followers.stream().noneMatch(f -> f.wanted().getAsBoolean())) {
      position = NOT_FOLLOWING; // nobody follows: the next client starts from its own now
      return false;
    }
    if (position == NOT_FOLLOWING) {
      return false;
    }
    List<AlertChange> changes = feed.changesAfter(position, BATCH);
    if (changes.isEmpty()) {
      return false;
    }
    position = changes.getLast().position();
    List<Alert> alerts = new ArrayList<>(changes.size());
    for (AlertChange change : changes) {
      Alert alert = change.alert();
      Long sent = sentVersions.get(alert.id());
      if (sent == null || sent < alert.version()) {
        sentVersions.put(alert.id(), alert.version());
        alerts.add(alert);
      }
    }
    if (!alerts.isEmpty()) {
      for (Follower follower : followers) {
        follower.listener().accept(alerts);
      }
    }
    return changes.size() == BATCH;
  }

  private void pause() {
    waking.lock();
    try {
      long left = interval.toNanos();
      while (!wake && !closed && left > 0) {
        left = woken.awaitNanos(left);
      }
      wake = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    } finally {
      waking.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    wake();
    try {
      reader.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
