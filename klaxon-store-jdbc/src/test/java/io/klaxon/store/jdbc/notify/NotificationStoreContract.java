package io.klaxon.store.jdbc.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.klaxon.access.Actor;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.notify.Attempt;
import io.klaxon.notify.ConfigChange;
import io.klaxon.notify.ConfigDocument;
import io.klaxon.notify.ConfigKind;
import io.klaxon.notify.NewNotification;
import io.klaxon.notify.Notification;
import io.klaxon.notify.NotificationItem;
import io.klaxon.notify.NotificationStatus;
import io.klaxon.notify.NotificationStore;
import io.klaxon.notify.NotificationStore.Outcome;
import io.klaxon.notify.Occasion;
import io.klaxon.notify.Repeat;
import io.klaxon.store.jdbc.Schema;
import io.klaxon.store.jdbc.SharedDatabase;
import io.klaxon.store.jdbc.TestDatabase;
import io.klaxon.store.jdbc.alert.JdbcAlertStore;
import io.klaxon.store.jdbc.suppress.JdbcInhibitRuleStore;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.Matchers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the notification outbox must do on every database: plan and move the cursor in one
 * transaction, gather a group until it is claimed, keep claims apart, record attempts, dead letters
 * and their retry, the alert's log, reminders and the configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class NotificationStoreContract {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");

  private final SharedDatabase shared = new SharedDatabase(this::openDatabase);
  private @Nullable JdbcNotificationStore store;

  /** The database to run the contract on; closed after the last test. */
  protected abstract TestDatabase openDatabase();

  @BeforeEach
  final void emptyTables() throws SQLException {
    boolean first = !shared.isOpen();
    TestDatabase database = shared.get();
    if (first) {
      JdbcAlertStore.open(database.dataSource(), Schema.SERVER);
      store = JdbcNotificationStore.open(database.dataSource());
    }
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      for (String table :
          List.of(
              "notification_attempts",
              "notification_items",
              "notifications",
              "notification_repeats",
              "notify_cursor",
              "notify_config",
              "notify_time_intervals",
              "inhibit_rules")) {
        statement.execute("delete from " + table);
      }
    }
  }

  @AfterAll
  final void closeDatabase() {
    shared.close();
  }

  private JdbcNotificationStore store() {
    return Objects.requireNonNull(store);
  }

  static NotificationItem item(long alertId, Occasion occasion) {
    return new NotificationItem(
        alertId, occasion, Severity.CRITICAL, AlertStatus.OPEN, "Disk full", T0);
  }

  static NewNotification notification(String group, long alertId, Instant due) {
    return new NewNotification(
        UUID.randomUUID().toString(),
        "critical-to-ops",
        "ops-hook",
        group,
        T0,
        due,
        item(alertId, Occasion.OPENED));
  }

  private long insert(String group, long alertId, Instant due) {
    return store().plan(tx -> tx.insert(notification(group, alertId, due)));
  }

  private static Attempt attempt(long id, boolean delivered, Integer status, Instant at) {
    return new Attempt(
        id,
        "ops-hook",
        at,
        delivered,
        status,
        Duration.ofMillis(12),
        delivered ? null : "HTTP " + status);
  }

  @Test
  void plannedNotificationsAndTheCursorCommitTogether() {
    store()
        .plan(
            tx -> {
              tx.insert(notification("g", 1, T0));
              tx.advance(41);
              return null;
            });
    assertThat(store().cursor()).isEqualTo(41);

    assertThatThrownBy(
            () ->
                store()
                    .plan(
                        tx -> {
                          tx.insert(notification("g", 2, T0));
                          tx.advance(42);
                          throw new IllegalStateException("planner failed");
                        }))
        .hasMessageContaining("planner failed");

    assertThat(store().cursor()).isEqualTo(41);
    assertThat(store().pendingCount()).isEqualTo(1);
    long seen = store().plan(NotificationStore.PlanTransaction::cursor);
    assertThat(seen).isEqualTo(41);
  }

  @Test
  void aGroupGathersItemsUntilItsNotificationIsClaimed() {
    long id = insert("source=nas", 1, T0.plusSeconds(30));
    store()
        .plan(
            tx -> {
              assertThat(
                      tx.gathering("critical-to-ops", "ops-hook", "source=nas", T0.plusSeconds(29)))
                  .as("an item due sooner does not wait for it")
                  .isEmpty();
              NotificationStore.Gathering open =
                  tx.gathering("critical-to-ops", "ops-hook", "source=nas", T0.plusSeconds(30))
                      .orElseThrow();
              assertThat(open.id()).isEqualTo(id);
              assertThat(open.dueAt()).isEqualTo(T0.plusSeconds(30));
              assertThat(tx.lastDue("critical-to-ops", "ops-hook", "source=nas")).isEmpty();
              tx.addItem(id, item(2, Occasion.OPENED));
              tx.addItem(id, item(1, Occasion.RESOLVED));
              return null;
            });

    assertThat(store().claimDue(T0, T0.plusSeconds(60), 10)).as("not due yet").isEmpty();
    List<Notification> claimed = store().claimDue(T0.plusSeconds(30), T0.plusSeconds(90), 10);

    assertThat(claimed)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.items())
                  .extracting(NotificationItem::alertId)
                  .containsExactly(1L, 2L, 1L);
              assertThat(n.items())
                  .extracting(NotificationItem::occasion)
                  .containsExactly(Occasion.OPENED, Occasion.OPENED, Occasion.RESOLVED);
            });
    store()
        .plan(
            tx -> {
              assertThat(
                      tx.gathering(
                          "critical-to-ops", "ops-hook", "source=nas", T0.plusSeconds(999)))
                  .isEmpty();
              assertThat(tx.lastDue("critical-to-ops", "ops-hook", "source=nas"))
                  .contains(T0.plusSeconds(30));
              return null;
            });
  }

  @Test
  void aClaimKeepsOtherClaimsOffUntilItsLeaseEndsOrClaimsAreReleased() {
    insert("a", 1, T0);
    insert("b", 2, T0);
    assertThat(store().claimDue(T0, T0.plusSeconds(60), 10)).hasSize(2);
    assertThat(store().claimDue(T0.plusSeconds(1), T0.plusSeconds(61), 10)).isEmpty();
    assertThat(store().claimDue(T0.plusSeconds(60), T0.plusSeconds(120), 1)).hasSize(1);

    store().releaseClaims();

    assertThat(store().claimDue(T0.plusSeconds(61), T0.plusSeconds(121), 10)).hasSize(2);
  }

  @Test
  void anInstanceStartingUpEndsOnlyItsOwnClaimsAndADeadHoldersClaimIsRetakenAfterItsLease() {
    JdbcNotificationStore first = JdbcNotificationStore.open(shared.get().dataSource(), "node-1");
    JdbcNotificationStore second = JdbcNotificationStore.open(shared.get().dataSource(), "node-2");
    long sending = insert("a", 1, T0);
    long crashed = insert("b", 2, T0);
    assertThat(first.claimDue(T0, T0.plusSeconds(60), 1))
        .extracting(Notification::id)
        .containsExactly(sending);
    assertThat(second.claimDue(T0, T0.plusSeconds(60), 1))
        .extracting(Notification::id)
        .containsExactly(crashed);

    // node-2 restarts: what it claimed goes again at once; node-1's send in flight is left alone.
    second.releaseClaims();
    assertThat(first.claimDue(T0.plusSeconds(1), T0.plusSeconds(61), 10))
        .extracting(Notification::id)
        .containsExactly(crashed);

    // node-1 dies holding both: once its lease has passed another instance takes them.
    assertThat(second.claimDue(T0.plusSeconds(30), T0.plusSeconds(90), 10)).isEmpty();
    assertThat(second.claimDue(T0.plusSeconds(61), T0.plusSeconds(121), 10))
        .extracting(Notification::id)
        .containsExactlyInAnyOrder(sending, crashed);
  }

  @Test
  void dispatchersClaimingAtOnceNeverClaimTheSameNotification() {
    for (long alert = 100; alert < 160; alert++) {
      insert("g" + alert, alert, T0);
    }
    List<JdbcNotificationStore> dispatchers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      dispatchers.add(JdbcNotificationStore.open(shared.get().dataSource(), "node-" + i));
    }
    List<CompletableFuture<List<Notification>>> claims = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      JdbcNotificationStore claimer = dispatchers.get(i % dispatchers.size());
      claims.add(CompletableFuture.supplyAsync(() -> claimer.claimDue(T0, T0.plusSeconds(60), 7)));
    }
    Set<Long> seen = new HashSet<>();
    int total = 0;
    for (CompletableFuture<List<Notification>> claim : claims) {
      for (Notification notification : claim.join()) {
        seen.add(notification.id());
        total++;
      }
    }
    assertThat(total).isEqualTo(seen.size());
    // What a claim skipped while another held it is still there for the next one.
    for (Notification notification : store().claimDue(T0, T0.plusSeconds(60), 100)) {
      assertThat(seen.add(notification.id())).isTrue();
    }
    assertThat(seen).hasSize(60);
  }

  @Test
  void failedAttemptsRetryLaterAndTheLastOneMakesADeadLetterThatCanBeRetried() {
    long id = insert("g", 7, T0);
    store().claimDue(T0, T0.plusSeconds(60), 10);
    store().record(List.of(Outcome.failed(attempt(id, false, 500, T0), T0.plusSeconds(5))));

    assertThat(store().claimDue(T0.plusSeconds(4), T0.plusSeconds(64), 10)).isEmpty();
    Notification again = store().claimDue(T0.plusSeconds(5), T0.plusSeconds(65), 10).getFirst();
    assertThat(again.attempts()).isEqualTo(1);
    assertThat(again.firstAttemptAt()).isEqualTo(T0);
    assertThat(again.lastError()).isEqualTo("HTTP 500");

    store().record(List.of(Outcome.dead(attempt(id, false, 503, T0.plusSeconds(5)))));
    assertThat(store().deadLetterCount()).isEqualTo(1);
    assertThat(store().deadLetters(10, 0))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.status()).isEqualTo(NotificationStatus.DEAD);
              assertThat(n.attempts()).isEqualTo(2);
            });
    assertThat(store().claimDue(T0.plusSeconds(100), T0.plusSeconds(160), 10)).isEmpty();

    assertThat(store().retry(id, T0.plusSeconds(200))).isTrue();
    assertThat(store().retry(id, T0.plusSeconds(200))).as("no longer dead").isFalse();
    Notification retried =
        store().claimDue(T0.plusSeconds(200), T0.plusSeconds(260), 10).getFirst();
    assertThat(retried.firstAttemptAt()).as("a fresh give-up window").isNull();
    store().record(List.of(Outcome.delivered(attempt(id, true, 200, T0.plusSeconds(201)))));

    assertThat(store().notification(id).orElseThrow().status())
        .isEqualTo(NotificationStatus.DELIVERED);
    assertThat(store().deadLetterCount()).isZero();
    assertThat(store().attempts(List.of(id)))
        .extracting(Attempt::statusCode)
        .containsExactly(500, 503, 200);
    assertThat(store().attempts(List.of(id)).getLast().latency()).isEqualTo(Duration.ofMillis(12));
  }

  @Test
  void aRoundOfAttemptsIsRecordedInOneGo() {
    long ok = insert("a", 1, T0);
    long retried = insert("b", 2, T0);
    long given = insert("c", 3, T0);
    store().claimDue(T0, T0.plusSeconds(60), 10);

    store()
        .record(
            List.of(
                Outcome.delivered(attempt(ok, true, 200, T0)),
                Outcome.failed(attempt(retried, false, 500, T0), T0.plusSeconds(30)),
                Outcome.dead(attempt(given, false, 410, T0))));

    assertThat(store().notification(ok).orElseThrow().status())
        .isEqualTo(NotificationStatus.DELIVERED);
    assertThat(store().notification(given).orElseThrow().status())
        .isEqualTo(NotificationStatus.DEAD);
    Notification pending = store().notification(retried).orElseThrow();
    assertThat(pending.status()).isEqualTo(NotificationStatus.PENDING);
    assertThat(pending.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
    assertThat(store().claimDue(T0.plusSeconds(30), T0.plusSeconds(90), 10))
        .extracting(Notification::id)
        .containsExactly(retried);
    assertThat(store().attempts(List.of(ok, retried, given))).hasSize(3);
  }

  @Test
  void aPostponedNotificationWaitsWithoutAnAttempt() {
    long id = insert("g", 3, T0);
    store().claimDue(T0, T0.plusSeconds(60), 10);
    store().postpone(id, T0.plusSeconds(10));
    assertThat(store().claimDue(T0.plusSeconds(9), T0.plusSeconds(69), 10)).isEmpty();
    assertThat(store().claimDue(T0.plusSeconds(10), T0.plusSeconds(70), 10))
        .singleElement()
        .extracting(Notification::attempts)
        .isEqualTo(0);
  }

  @Test
  void theAlertsLogListsEveryNotificationCarryingItsChanges() {
    long first = insert("a", 11, T0);
    long other = insert("b", 12, T0);
    long second =
        store()
            .plan(
                tx -> {
                  tx.addItem(other, item(11, Occasion.RESOLVED));
                  return tx.insert(notification("c", 11, T0));
                });

    assertThat(store().notificationsOfAlert(11))
        .extracting(Notification::id)
        .containsExactly(first, other, second);
    assertThat(store().notificationsOfAlert(99)).isEmpty();
  }

  @Test
  void remindersAreDueInTimeOrderAndCanBeCancelled() {
    store()
        .plan(
            tx -> {
              tx.scheduleRepeat("r", "ops-hook", 1, T0.plusSeconds(60));
              tx.scheduleRepeat("r", "ops-hook", 2, T0.plusSeconds(30));
              tx.scheduleRepeat("r", "mail", 2, T0.plusSeconds(90));
              tx.scheduleRepeat("r", "ops-hook", 1, T0.plusSeconds(20)); // moved
              return null;
            });
    store()
        .plan(
            tx -> {
              assertThat(tx.dueRepeats(T0.plusSeconds(60), 10))
                  .extracting(Repeat::alertId)
                  .containsExactly(1L, 2L);
              tx.cancelRepeats(2);
              tx.cancelRepeat("r", "ops-hook", 1);
              assertThat(tx.dueRepeats(T0.plusSeconds(1000), 10)).isEmpty();
              return null;
            });
  }

  @Test
  void configurationKeepsItsOrderAcrossReplacesAndReorders() {
    store().putDocument(ConfigKind.ROUTE, "a", "{\"name\":\"a\"}", Actor.of("alice"), T0);
    store().putDocument(ConfigKind.ROUTE, "b", "{\"name\":\"b\"}", Actor.of("alice"), T0);
    store().putDocument(ConfigKind.ROUTE, "c", "{\"name\":\"c\"}", Actor.of("alice"), T0);
    store().putDocument(ConfigKind.RECEIVER, "a", "{\"name\":\"hook\"}", Actor.of("bob"), T0);
    store()
        .putDocument(
            ConfigKind.ROUTE,
            "a",
            "{\"name\":\"a\",\"v\":2}",
            Actor.of("carol"),
            T0.plusSeconds(1));

    assertThat(store().documents(ConfigKind.ROUTE))
        .extracting(ConfigDocument::name)
        .containsExactly("a", "b", "c");
    assertThat(store().documents(ConfigKind.ROUTE).getFirst().json()).contains("\"v\"");
    assertThat(store().documents(ConfigKind.ROUTE).getFirst().updatedBy()).isEqualTo("carol");

    store().reorder(ConfigKind.ROUTE, List.of("c", "a"));
    assertThat(store().documents(ConfigKind.ROUTE))
        .extracting(ConfigDocument::name)
        .containsExactly("c", "a", "b");

    assertThat(store().deleteDocument(ConfigKind.ROUTE, "a")).isTrue();
    assertThat(store().deleteDocument(ConfigKind.ROUTE, "a")).isFalse();
    assertThat(store().documents(ConfigKind.ROUTE))
        .extracting(ConfigDocument::name)
        .containsExactly("c", "b");
    assertThat(store().documents(ConfigKind.RECEIVER))
        .extracting(ConfigDocument::name)
        .containsExactly("a");
  }

  @Test
  void aDocumentPutIfAbsent_keepsTheFirstOneSaved_andChangesNothingElse() {
    store().putDocument(ConfigKind.SECRET, "other", "{\"key\":\"o\"}", Actor.of("alice"), T0);

    String first =
        store()
            .putDocumentIfAbsent(
                ConfigKind.SECRET, "ack", "{\"key\":\"first\"}", Actor.of("node1"), T0);
    String second =
        store()
            .putDocumentIfAbsent(
                ConfigKind.SECRET,
                "ack",
                "{\"key\":\"second\"}",
                Actor.of("node2"),
                T0.plusSeconds(1));

    assertThat(first).as("as stored (PostgreSQL's jsonb spaces it)").contains("first");
    assertThat(second).as("the one saved first is every caller's").isEqualTo(first);
    assertThat(store().documents(ConfigKind.SECRET))
        .extracting(ConfigDocument::name, ConfigDocument::updatedBy)
        .containsExactly(tuple("other", "alice"), tuple("ack", "node1"));
    assertThat(store().documents(ConfigKind.SECRET).getLast().json()).isEqualTo(first);
  }

  @Test
  void configurationChangesApplyTogetherOrNotAtAll() {
    store().putDocument(ConfigKind.ROUTE, "old", "{\"name\":\"old\"}", Actor.of("alice"), T0);
    store().putDocument(ConfigKind.ROUTE, "kept", "{\"name\":\"kept\"}", Actor.of("alice"), T0);

    store()
        .apply(
            List.of(
                new ConfigChange.Put(ConfigKind.RECEIVER, "hook", "{\"name\":\"hook\"}"),
                new ConfigChange.Put(ConfigKind.ROUTE, "new", "{\"name\":\"new\"}"),
                new ConfigChange.Delete(ConfigKind.ROUTE, "old"),
                new ConfigChange.Order(ConfigKind.ROUTE, List.of("new"))),
            Actor.of("importer"),
            T0.plusSeconds(1));
    assertThat(store().documents(ConfigKind.ROUTE))
        .extracting(ConfigDocument::name)
        .containsExactly("new", "kept");
    assertThat(store().documents(ConfigKind.ROUTE).getFirst().updatedBy()).isEqualTo("importer");

    // The last change breaks a constraint (a document is required): the earlier ones go too.
    @SuppressWarnings("NullAway")
    String missing = null;
    assertThatThrownBy(
            () ->
                store()
                    .apply(
                        List.of(
                            new ConfigChange.Delete(ConfigKind.ROUTE, "kept"),
                            new ConfigChange.Put(ConfigKind.RECEIVER, "other", "{}"),
                            new ConfigChange.Put(ConfigKind.ROUTE, "broken", missing)),
                        Actor.of("importer"),
                        T0.plusSeconds(2)))
        .isInstanceOf(RuntimeException.class);
    assertThat(store().documents(ConfigKind.ROUTE))
        .extracting(ConfigDocument::name)
        .containsExactly("new", "kept");
    assertThat(store().documents(ConfigKind.RECEIVER))
        .extracting(ConfigDocument::name)
        .containsExactly("hook");
  }

  @Test
  void anImportsTimeIntervalsAndInhibitionRulesCommitWithItsRoutesOrNotAtAll() {
    JdbcInhibitRuleStore rules =
        JdbcInhibitRuleStore.open(shared.get().dataSource(), InstantSource.fixed(T0));
    rules.put(
        new InhibitRule(
            "by-hand",
            Matchers.parse("s", "alertname=\"Down\""),
            Matchers.parse("t", "severity=\"info\""),
            List.of()),
        "alice");
    InhibitRule imported =
        new InhibitRule(
            "am.inhibit.0",
            Matchers.parse("s", "{severity=\"critical\",cluster=~\"eu.*\"}"),
            Matchers.parse("t", "severity=\"warning\""),
            List.of("alertname", "cluster"));
    store()
        .apply(
            List.of(
                new ConfigChange.Put(ConfigKind.TIME_INTERVAL, "office", "{\"name\":\"office\"}"),
                new ConfigChange.Put(ConfigKind.ROUTE, "am", "{\"name\":\"am\"}"),
                new ConfigChange.PutInhibitRule(imported, "alertmanager")),
            Actor.of("importer"),
            T0);
    assertThat(store().documents(ConfigKind.TIME_INTERVAL))
        .extracting(ConfigDocument::name)
        .containsExactly("office");
    assertThat(store().documents(ConfigKind.ROUTE)).extracting(ConfigDocument::name).contains("am");
    InhibitRule read = rules.find("am.inhibit.0").orElseThrow();
    assertThat(read.source().toString()).isEqualTo(imported.source().toString());
    assertThat(read.target().toString()).isEqualTo(imported.target().toString());
    assertThat(read.equal()).containsExactly("alertname", "cluster");
    assertThat(rules.namesFrom("alertmanager")).containsExactly("am.inhibit.0");
    assertThat(rules.namesFrom("api")).containsExactly("by-hand");

    @SuppressWarnings("NullAway")
    String missing = null;
    assertThatThrownBy(
            () ->
                store()
                    .apply(
                        List.of(
                            new ConfigChange.DeleteInhibitRule("am.inhibit.0"),
                            new ConfigChange.Delete(ConfigKind.TIME_INTERVAL, "office"),
                            new ConfigChange.Put(ConfigKind.ROUTE, "broken", missing)),
                        Actor.of("importer"),
                        T0.plusSeconds(1)))
        .isInstanceOf(RuntimeException.class);
    assertThat(rules.find("am.inhibit.0"))
        .as("a failed import leaves the rule as it was")
        .isPresent();
    assertThat(store().documents(ConfigKind.TIME_INTERVAL)).hasSize(1);

    store()
        .apply(
            List.of(
                new ConfigChange.DeleteInhibitRule("am.inhibit.0"),
                new ConfigChange.Delete(ConfigKind.TIME_INTERVAL, "office")),
            Actor.of("importer"),
            T0.plusSeconds(2));
    assertThat(rules.all()).extracting(InhibitRule::name).containsExactly("by-hand");
    assertThat(store().documents(ConfigKind.TIME_INTERVAL)).isEmpty();
  }
}
