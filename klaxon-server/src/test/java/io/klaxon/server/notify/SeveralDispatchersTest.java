package io.klaxon.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.notify.Backoff;
import io.klaxon.notify.DeliveryResult;
import io.klaxon.notify.Dispatcher;
import io.klaxon.notify.NewNotification;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.Occasion;
import io.klaxon.notify.Receiver;
import io.klaxon.notify.Sender;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.notify.JdbcNotificationStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cluster mode's outbox (issue 15): several dispatchers on one PostgreSQL schema, as the instances
 * of a cluster are, send each notification once, counted at a real HTTP receiver; a notification
 * claimed by a dispatcher that died before recording it is taken again once the claim's lease has
 * passed, and sent with its idempotency key.
 */
class SeveralDispatchersTest {

  private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final String PATH = "/hook";

  private TestDatabase database;
  private TestReceiver receiver;
  private ExecutorService sends;
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicReference<Instant> now = new AtomicReference<>(T0);
  private final InstantSource clock = () -> now.get();

  @BeforeEach
  void open() throws IOException {
    database = TestDatabase.postgres();
    JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
    receiver = new TestReceiver();
    sends = Executors.newVirtualThreadPerTaskExecutor();
  }

  @AfterEach
  void close() {
    sends.close();
    receiver.close();
    database.close();
  }

  @Test
  void fourDispatchersOnOneDatabaseSendEachNotificationOnce() throws Exception {
    List<String> keys = plan(300);
    List<Dispatcher> dispatchers = new ArrayList<>();
    for (int node = 1; node <= 4; node++) {
      dispatchers.add(dispatcher("node-" + node));
    }

    runUntilNothingIsPending(dispatchers);

    assertThat(receiver.delivered(PATH)).hasSize(keys.size());
    assertThat(receiver.deliveredKeys(PATH)).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void aClaimWhoseHolderDiedIsTakenAgainAfterItsLeaseAndSentOnce() throws Exception {
    List<String> keys = plan(40);
    // node-0 claims ten and dies before sending them (nothing records them, nothing releases them).
    JdbcNotificationStore dead = JdbcNotificationStore.open(database.dataSource(), "node-0");
    List<Notification> orphaned = dead.claimDue(T0, T0.plus(LEASE), 10);
    assertThat(orphaned).hasSize(10);
    List<Dispatcher> survivors = List.of(dispatcher("node-1"), dispatcher("node-2"));

    // A survivor restarting ends only its own claims: node-0's stay claimed until their lease ends.
    JdbcNotificationStore.open(database.dataSource(), "node-1").releaseClaims();
    runUntil(survivors, () -> receiver.delivered(PATH).size() == 30);
    assertThat(receiver.deliveredKeys(PATH))
        .doesNotContainAnyElementsOf(orphaned.stream().map(Notification::idempotencyKey).toList());

    now.set(T0.plus(LEASE).plusSeconds(1));
    runUntilNothingIsPending(survivors);

    assertThat(receiver.delivered(PATH)).hasSize(40);
    assertThat(receiver.deliveredKeys(PATH)).containsExactlyInAnyOrderElementsOf(keys);
  }

  /** Plans {@code count} notifications due now, each its own group; answers their keys. */
  private List<String> plan(int count) {
    JdbcNotificationStore planner = JdbcNotificationStore.open(database.dataSource(), "planner");
    List<String> keys = new ArrayList<>();
    planner.plan(
        tx -> {
          for (int i = 0; i < count; i++) {
            String key = UUID.randomUUID().toString();
            keys.add(key);
            tx.insert(
                new NewNotification(
                    key,
                    "all",
                    "hook",
                    "group-" + i,
                    T0,
                    T0,
                    new NotificationItem(
                        i + 1, Occasion.OPENED, Severity.HIGH, AlertStatus.OPEN, "Disk " + i, T0)));
          }
          return keys.size();
        });
    return keys;
  }

  private Dispatcher dispatcher(String node) {
    Receiver hook =
        new Receiver.Webhook("hook", URI.create(receiver.url(PATH)), null, Map.of(), null);
    return new Dispatcher(
        new Dispatcher.Parts(
            JdbcNotificationStore.open(database.dataSource(), node),
            name -> Optional.of(hook),
            post(),
            id -> Optional.empty(),
            clock,
            new Random(),
            sends),
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0, Duration.ofHours(24)),
        LEASE);
  }

  /** Posts the notification's id with its idempotency key, as a webhook does. */
  private Sender post() {
    return (target, message) -> {
      HttpRequest request =
          HttpRequest.newBuilder(((Receiver.Webhook) target).url())
              .header("X-Klaxon-Idempotency-Key", message.notification().idempotencyKey())
              .POST(HttpRequest.BodyPublishers.ofString(Long.toString(message.notification().id())))
              .build();
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return status == 200
            ? DeliveryResult.delivered(status)
            : DeliveryResult.failed(status, null, "HTTP " + status);
      } catch (IOException e) {
        return DeliveryResult.failed(null, null, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return DeliveryResult.failed(null, null, "interrupted");
      }
    };
  }

  private void runUntilNothingIsPending(List<Dispatcher> dispatchers) throws Exception {
    JdbcNotificationStore look = JdbcNotificationStore.open(database.dataSource(), "observer");
    runUntil(dispatchers, () -> look.pendingCount() == 0);
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs every dispatcher in a loop of its own, all at once, until {@code done}. */
  private void runUntil(List<Dispatcher> dispatchers, Callable<Boolean> done) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> loops = new ArrayList<>();
    for (Dispatcher dispatcher : dispatchers) {
      loops.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      if (dispatcher.dispatchDue(7) == 0) {
                        pause(); // as the notification job's poll does
                      }
                    }
                  }));
    }
    try {
      Awaitility.await().atMost(Duration.ofMinutes(2)).until(done);
    } finally {
      running.set(false);
      for (Thread loop : loops) {
        loop.join();
      }
    }
  }
}
