package io.klaxon.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertPage;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.detect.decisions.Decision;
import io.klaxon.detect.decisions.DecisionAction;
import io.klaxon.detect.decisions.Urgency;
import io.klaxon.engine.FakeClock;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import io.klaxon.store.InMemoryAlertStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seed 004's AlertManager tests, in spirit: decisions to alerts, lifecycle, queries, reopening. */
class AlertManagerTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final InMemoryAlertStore store = new InMemoryAlertStore();
  private final FakeClock clock = new FakeClock();
  private AlertManager manager = AlertManager.open(store, clock);

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void createAlert_closeImmediately_raisesCriticalAlert() {
    Alert alert =
        create(decision(DecisionAction.CLOSE, Urgency.IMMEDIATE, "stop_loss", "SPY", "IC"));

    assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
    assertThat(alert.attributes()).containsEntry("class", "critical");
    assertThat(alert.title()).isEqualTo("Stop Loss triggered on SPY IC");
    assertThat(await(manager.findAlert(alert.id()))).contains(alert);
  }

  @Test
  void createAlert_roll_raisesInfoAlert() {
    Alert alert = create(decision(DecisionAction.ROLL, Urgency.NORMAL, "dte_roll", "SPY", "IC"));

    assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.attributes()).containsEntry("class", "info");
  }

  @Test
  void createAlert_hold_raisesNothing() {
    var held =
        await(manager.createAlert(decision(DecisionAction.HOLD, Urgency.LOW, "r", "SPY", "IC")));

    assertThat(held).isEmpty();
    assertThat(await(manager.count())).isZero();
    assertThat(store.commits()).isEmpty();
  }

  @Test
  void acknowledge_openAlert_recordsStatusAndTime() {
    Alert alert = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "IC"));
    clock.advance(Duration.ofMinutes(5));

    Alert acknowledged = await(manager.acknowledge(alert.id()));

    assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    assertThat(acknowledged.acknowledgedAt()).isEqualTo(clock.instant());
    assertThat(store.findById(alert.id())).contains(acknowledged);
  }

  @Test
  void resolveAndDismiss_setFinalStatuses_andAFinalAlertRefusesMore() {
    Alert first = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"));
    Alert second = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "2"));

    assertThat(await(manager.resolve(first.id())).status()).isEqualTo(AlertStatus.RESOLVED);
    assertThat(await(manager.dismiss(second.id())).status()).isEqualTo(AlertStatus.DISMISSED);
    assertThat(failure(manager.acknowledge(first.id()))).isInstanceOf(TransitionRefused.class);
  }

  @Test
  void acknowledge_unknownAlert_failsWithNotFound() {
    assertThat(failure(manager.acknowledge(999))).isInstanceOf(NotFound.class);
  }

  @Test
  void query_bySymbol_findsOnlyThatSymbolsAlerts() {
    create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"));
    create(decision(DecisionAction.ROLL, Urgency.NORMAL, "dte_roll", "SPY", "2"));
    create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "QQQ", "3"));

    AlertPage spy = await(manager.query(byAttribute("symbol", "SPY")));

    assertThat(spy.total()).isEqualTo(2);
    assertThat(spy.alerts())
        .allSatisfy(a -> assertThat(a.attributes()).containsEntry("symbol", "SPY"));
    assertThat(await(manager.query(byAttribute("strategyId", "3"))).total()).isEqualTo(1);
    assertThat(await(manager.query(byAttribute("class", "info"))).total()).isEqualTo(1);
  }

  @Test
  void query_byStatus_findsOnlyAlertsInThatStatus() {
    Alert acknowledged =
        create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "1"));
    Alert open = create(decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "2"));
    await(manager.acknowledge(acknowledged.id()));

    AlertPage page = await(manager.query(AlertQuery.all().withStatuses(Set.of(AlertStatus.OPEN))));

    assertThat(page.alerts()).extracting(Alert::id).containsExactly(open.id());
    assertThat(await(manager.count(AlertStatus.OPEN))).isEqualTo(1);
    assertThat(await(manager.count(AlertStatus.ACKNOWLEDGED))).isEqualTo(1);
  }

  @Test
  void activeAlerts_mixOfStatuses_returnsOpenAndAcknowledgedOnly() {
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
  void createAlert_nestedMetadata_comesBackAsGiven() {
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

    Alert stored = await(manager.findAlert(alert.id())).orElseThrow();

    assertThat(stored.attributes()).containsEntry("metadata", metadata);
  }

  @Test
  void reopen_sameStore_readsBackTheAlertAndKeepsDeduplicating() {
    Decision takeProfit = decision(DecisionAction.CLOSE, Urgency.HIGH, "take_profit", "SPY", "IC");
    Alert alert = create(takeProfit);
    manager.close();

    manager = AlertManager.open(store, clock);

    assertThat(await(manager.findAlert(alert.id()))).contains(alert);
    assertThat(await(manager.activeAlerts())).containsExactly(alert);
    Alert again = create(takeProfit);
    assertThat(again.id()).isEqualTo(alert.id());
    assertThat(again.occurrences()).isEqualTo(2);
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

  private static AlertQuery byAttribute(String name, String value) {
    AlertQuery all = AlertQuery.all();
    return new AlertQuery(
        all.statuses(),
        all.severities(),
        all.types(),
        all.sources(),
        null,
        null,
        null,
        null,
        null,
        Map.of(name, value),
        all.sort(),
        all.limit(),
        all.offset());
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
