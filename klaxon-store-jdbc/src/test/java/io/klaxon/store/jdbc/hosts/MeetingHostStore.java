package io.klaxon.store.jdbc.hosts;

import io.klaxon.access.Actor;
import io.klaxon.detect.hosts.AlertState;
import io.klaxon.detect.hosts.HostSettings;
import io.klaxon.detect.hosts.HostStore;
import io.klaxon.detect.hosts.Server;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A host store that makes two instances' requests meet: while a meeting is set, reading some
 * servers' states waits (up to a limit) until the other instance's read has come too, so that
 * without a lock across instances both would decide from the same states.
 */
final class MeetingHostStore implements HostStore {

  /** The meeting the stores of one test share: a latch of two, or none. */
  static final class Meeting {
    private final AtomicReference<@Nullable CountDownLatch> latch = new AtomicReference<>();
    private final Duration patience;

    Meeting(Duration patience) {
      this.patience = patience;
    }

    void arrange() {
      latch.set(new CountDownLatch(2));
    }

    void cancel() {
      latch.set(null);
    }

    private void attend() {
      CountDownLatch current = latch.get();
      if (current == null) {
        return;
      }
      current.countDown();
      try {
        // Held off by the lock, the other comes after this one's round: the wait runs out.
        current.await(patience.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private final HostStore store;
  private final Meeting meeting;

  MeetingHostStore(HostStore store, Meeting meeting) {
    this.store = store;
    this.meeting = meeting;
  }

  @Override
  public List<AlertState> loadStates(Set<String> servers) {
    List<AlertState> states = store.loadStates(servers);
    meeting.attend();
    return states;
  }

  @Override
  public <T> T inServerLock(Set<String> servers, Supplier<T> work) {
    return store.inServerLock(servers, work);
  }

  @Override
  public List<Server> loadServers() {
    return store.loadServers();
  }

  @Override
  public List<Server> loadServers(Set<String> ids) {
    return store.loadServers(ids);
  }

  @Override
  public void insertServer(Server server) {
    store.insertServer(server);
  }

  @Override
  public boolean updateServer(Server server) {
    return store.updateServer(server);
  }

  @Override
  public List<AlertState> loadStates() {
    return store.loadStates();
  }

  @Override
  public void saveStates(List<AlertState> states) {
    store.saveStates(states);
  }

  @Override
  public Optional<HostSettings> loadSettings() {
    return store.loadSettings();
  }

  @Override
  public void saveSettings(HostSettings settings, Actor actor, Instant savedAt) {
    store.saveSettings(settings, actor, savedAt);
  }
}
