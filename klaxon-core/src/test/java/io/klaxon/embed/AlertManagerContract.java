package io.klaxon.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.detect.decisions.DecisionAction;
import io.klaxon.detect.decisions.Urgency;
import io.klaxon.engine.FakeClock;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.AlertStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded AlertManager's contract. Seed 004's nine AlertManager tests in spirit (decision
 * mapping, HOLD skipped, acknowledge, queries by symbol and by status, active alerts, metadata
 * round trip, persistence read back after reopening), run on every store the manager can embed
 * (in-memory here, SQLite and PostgreSQL in klaxon-store-jdbc, Delta in klaxon-lake): a subclass
 * names the store.
 */
public abstract class AlertManagerContract {

  private static final Duration WAIT = Duration.ofSeconds(30);

  protected final FakeClock clock = new FakeClock(Instant.parse("2026-03-01T09:00:00Z"));
  private AlertManager manager;

  /** A new, empty store. */
  protected abstract AlertStore openStore();

  /** A second store over what {@link #openStore()} wrote, as a program restarted would open it. */
  protected abstract AlertStore reopenStore();

  /** Releases what the store holds; called after every test. */
  protected void closeStore() {}

  @BeforeEach
  final void openManager() {
    manager = AlertManager.open(openStore(), clock);
  }

  @AfterEach
  final void closeManager() {
    manager.close();
    closeStore();
  }

  @Test
  void closeImmediately_raisesACriticalAlert_titledByRuleAndPosition() {
    Alert alert =
        create(decision(DecisionAction.CLOSE, Urgency.IMMEDIATE, "stop_loss", "SPY", "IC"));

    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(alert.attributes())
        .containsEntry("class", "critical")
        .containsEntry("action", "close");
    assertThat(alert.title()).isEqualTo("Stop Loss triggered on SPY IC");
    assertThat(await(manager.findAlert(alert.id()))).contains(alert);
  }

  @Test
  void closeHigh_isAWarning_roll_isInfo_andCloseLow_isInfoOfLowSeverity() {
    Alert high = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"));
    Alert roll = create(decision(DecisionAction.ROLL, Urgency.NORMAL, "dte_roll", "SPY", "2"));
    Alert low = create(decision(DecisionAction.CLOSE, Urgency.LOW, "theta", "SPY", "3"));

    assertThat(high.severity()).isEqualTo(Severity.HIGH);
    assertThat(high.attributes()).containsEntry("class", "warning");
    assertThat(roll.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(roll.attributes()).containsEntry("class", "info");
    assertThat(low.severity()).isEqualTo(Severity.LOW);
    assertThat(low.attributes()).containsEntry("class", "info");
  }

  @Test
  void hold_raisesNothing() {
    var held =
        await(manager.createAlert(decision(DecisionAction.HOLD, Urgency.LOW, "r", "SPY", "IC")));

    assertThat(held).isEmpty();
    assertThat(await(manager.count())).isZero();
  }

  @Test
  void acknowledge_recordsStatusTimeAndWho_inTheStoreAndItsHistory() {
    Alert alert = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "IC"));
    clock.advance(Duration.ofMinutes(5));

    Alert acknowledged = await(manager.acknowledge(alert.id()));

    assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(acknowledged.acknowledgedAt()).isEqualTo(clock.instant());
    assertThat(acknowledged.acknowledgedBy()).isEqualTo(AlertManager.ACTOR);
    assertThat(await(manager.findAlert(alert.id()))).contains(acknowledged);
    try (AlertManager reader = AlertManager.open(reopenStore(), clock)) {
      // History is what the store wrote: read through a second store over the same data.
      assertThat(reader.findAlert(alert.id()).join()).contains(acknowledged);
    }
    List<HistoryEntry> history = reopenStore().history(alert.id());
    assertThat(history)
        .extracting(HistoryEntry::action)
        .containsExactly(HistoryAction.CREATED, HistoryAction.ACKNOWLEDGED);
  }

  @Test
  void history_listsEveryChangeOldestFirst_andAnUnknownIdIsNotFound() {
    Alert alert = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "IC"));
    await(manager.acknowledge(alert.id()));
    await(manager.resolve(alert.id()));

    assertThat(await(manager.history(alert.id())))
        .extracting(HistoryEntry::action, HistoryEntry::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(HistoryAction.CREATED, "decisions"),
            org.assertj.core.groups.Tuple.tuple(HistoryAction.ACKNOWLEDGED, AlertManager.ACTOR),
            org.assertj.core.groups.Tuple.tuple(HistoryAction.RESOLVED, AlertManager.ACTOR));
    assertThat(failure(manager.history(999))).isInstanceOf(NotFound.class);
  }

  @Test
  void createAlerts_commitsManyDecisionsTogether_andHoldsAnswerEmpty() {
    var created =
        await(
            manager.createAlerts(
                List.of(
                    decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"),
                    decision(DecisionAction.HOLD, Urgency.LOW, "theta", "SPY", "2"),
                    decision(DecisionAction.ROLL, Urgency.NORMAL, "dte_roll", "QQQ", "3"))));

    assertThat(created).hasSize(3);
    assertThat(created.get(1)).isEmpty();
    assertThat(created.get(0).orElseThrow().attributes()).containsEntry("symbol", "SPY");
    assertThat(created.get(2).orElseThrow().attributes()).containsEntry("symbol", "QQQ");
    assertThat(await(manager.count())).isEqualTo(2);
  }

  @Test
  void resolveAndDismiss_areFinal() {
    Alert first = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"));
    Alert second = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "2"));

    assertThat(await(manager.resolve(first.id())).status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(await(manager.dismiss(second.id())).status()).isEqualTo(AlertStatus.DISMISSED);
    assertThat(failure(manager.acknowledge(first.id()))).isInstanceOf(TransitionRefused.class);
    assertThat(failure(manager.acknowledge(999))).isInstanceOf(NotFound.class);
  }

  @Test
  void query_bySymbolStrategyAndClass_findsOnlyThoseAlerts() {
    create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"));
    create(decision(DecisionAction.ROLL, Urgency.NORMAL, "dte_roll", "SPY", "2"));
    create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "QQQ", "3"));

    AlertPage spy = await(manager.query(AlertQuery.all().withAttributes(Map.of("symbol", "SPY"))));

    assertThat(spy.total()).isEqualTo(2);
    assertThat(spy.alerts())
        .allSatisfy(a -> assertThat(a.attributes()).containsEntry("symbol", "SPY"));
    assertThat(
            await(manager.query(AlertQuery.all().withAttributes(Map.of("strategyId", "3"))))
                .total())
        .isEqualTo(1);
    assertThat(
            await(manager.query(AlertQuery.all().withAttributes(Map.of("class", "info")))).total())
        .isEqualTo(1);
  }

  @Test
  void query_byStatusSeverityTimeRangeAndLimit() {
    Alert acknowledged =
        create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"));
    Instant between = clock.instant(); // the next decision is made at this instant
    Alert open = create(decision(DecisionAction.CLOSE, Urgency.IMMEDIATE, "stop_loss", "SPY", "2"));
    Alert later = create(decision(DecisionAction.ROLL, Urgency.NORMAL, "dte_roll", "SPY", "3"));
    await(manager.acknowledge(acknowledged.id()));

    AlertPage openOnes =
        await(manager.query(AlertQuery.all().withStatuses(Set.of(AlertStatus.OPEN))));
    AlertQuery all = AlertQuery.all();
    AlertQuery critical =
        new AlertQuery(
            Set.of(),
            Set.of(Severity.CRITICAL),
            Set.of(),
            Set.of(),
            null,
            null,
            null,
            null,
            null,
            Map.of(),
            all.sort(),
            all.limit(),
            0);
    AlertQuery sinceBetween =
        new AlertQuery(
            Set.of(),
            Set.of(),
            Set.of(),
            Set.of(),
            null,
            null,
            between,
            null,
            null,
            Map.of(),
            all.sort(),
            1,
            0);

    assertThat(openOnes.alerts()).extracting(Alert::id).containsExactly(later.id(), open.id());
    assertThat(await(manager.count(AlertStatus.OPEN))).isEqualTo(2);
    assertThat(await(manager.count(AlertStatus.ACKNOWLEDGED))).isEqualTo(1);
    assertThat(await(manager.query(critical)).alerts())
        .extracting(Alert::id)
        .containsExactly(open.id());
    AlertPage newest = await(manager.query(sinceBetween));
    assertThat(newest.total()).isEqualTo(2);
    assertThat(newest.alerts()).extracting(Alert::id).containsExactly(later.id());
  }

  @Test
  void activeAlerts_areTheOpenAndAcknowledgedOnes() {
    Alert open = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"));
    Alert acknowledged =
        create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "2"));
    Alert resolved =
        create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "3"));
    Alert dismissed =
        create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "4"));
    await(manager.acknowledge(acknowledged.id()));
    await(manager.resolve(resolved.id()));
    await(manager.dismiss(dismissed.id()));

    List<Alert> active = await(manager.activeAlerts());

    assertThat(active).extracting(Alert::id).containsExactly(open.id(), acknowledged.id());
  }

  @Test
  void nestedMetadata_comesBackAsGiven() {
    Map<String, Object> metadata =
        Map.of(
            "pnl",
            0.52,
            "dte",
            21,
            "rolled",
            false,
            "legs",
            List.of("SPY 450P", "SPY 440P"),
            "greeks",
            Map.of("delta", -0.12, "gamma", 0.01));
    Alert alert =
        create(
            new Decision(
                "dec-1",
                DecisionAction.CLOSE,
                Urgency.HIGH,
                "take_profit",
                "SPY",
                "IC",
                "profit",
                metadata,
                clock.instant()));

    assertThat(await(manager.findAlert(alert.id())).orElseThrow().attributes())
        .containsEntry("metadata", metadata);
    try (AlertManager reader = AlertManager.open(reopenStore(), clock)) {
      assertThat(reader.findAlert(alert.id()).join().orElseThrow().attributes())
          .containsEntry("metadata", metadata);
    }
  }

  @Test
  void reopening_readsBackEveryAlert_andKeepsDeduplicatingAndNumbering() {
    Decision takeProfit = decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "IC");
    Alert alert = create(takeProfit);
    Alert resolved = create(decision(DecisionAction.ROLL, Urgency.LOW, "dte_roll", "QQQ", "7"));
    await(manager.resolve(resolved.id()));
    manager.close();

    manager = AlertManager.open(reopenStore(), clock);

    assertThat(await(manager.findAlert(alert.id()))).contains(alert);
    assertThat(await(manager.activeAlerts())).containsExactly(alert);
    assertThat(await(manager.count(AlertStatus.RESOLVED))).isEqualTo(1);
    Alert again = create(takeProfit);
    assertThat(again.id()).isEqualTo(alert.id());
    assertThat(again.occurrences()).isEqualTo(2);
    Alert fresh = create(decision(DecisionAction.ROLL, Urgency.LOW, "dte_roll", "QQQ", "7"));
    assertThat(fresh.id()).isGreaterThan(resolved.id());
  }

  @Test
  void acknowledge_unknownAlert_failsWithNotFound() {
    assertThat(failure(manager.acknowledge(999))).isInstanceOf(NotFound.class);
  }

  @Test
  void addListener_hearsEveryCommittedChangeInOrder() throws InterruptedException {
    var heard = new LinkedBlockingQueue<Alert>();
    manager.addListener(heard::add);
    manager.addListener(
        alert -> {
          throw new IllegalStateException("a broken listener must not silence the others");
        });

    Alert created =
        create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "IC"));
    Alert acknowledged = await(manager.acknowledge(created.id()));

    assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(created);
    assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(acknowledged);
  }

  @Test
  void continuation_thatWaitsForAnotherWrite_doesNotStallTheWriter() {
    Decision decision = decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "IC");

    CompletableFuture<Alert> chained =
        manager
            .createAlert(decision)
            .thenApply(created -> manager.acknowledge(created.orElseThrow().id()).join());

    assertThat(await(chained).status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
  }

  @Test
  void close_laterCalls_failWithUnavailable() {
    manager.close();

    assertThat(failure(manager.activeAlerts())).isInstanceOf(Unavailable.class);
    assertThat(failure(manager.acknowledge(1))).isInstanceOf(Unavailable.class);
  }

  private Alert create(Decision decision) {
    clock.advance(Duration.ofSeconds(1)); // distinct detection times keep "newest first" stable
    return await(manager.createAlert(decision)).orElseThrow();
  }

  private Decision decision(
      DecisionAction action, Urgency urgency, String rule, String symbol, String strategyId) {
    return new Decision(
        null, action, urgency, rule, symbol, strategyId, "because", Map.of(), clock.instant());
  }

  private static <T> T await(CompletableFuture<T> future) {
    return future.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
  }

  private static Throwable failure(CompletableFuture<?> future) {
    try {
      future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("expected the future to fail, got " + e, e);
    }
    throw new AssertionError("expected the future to fail, but it succeeded");
  }
}
