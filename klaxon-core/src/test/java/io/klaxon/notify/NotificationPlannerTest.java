package io.klaxon.notify;

import static io.klaxon.notify.Alerts.T0;
import static io.klaxon.notify.Alerts.alert;
import static io.klaxon.notify.Alerts.change;
import static io.klaxon.notify.Alerts.opened;
import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.Severity;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NotificationPlannerTest {

  private final AtomicInteger keys = new AtomicInteger();
  private final NotificationPlanner planner =
      new NotificationPlanner(() -> "key-" + keys.incrementAndGet());
  private final FakePlanTransaction tx = new FakePlanTransaction();

  private static Route route(String name, Match match, Set<Occasion> on, Grouping grouping) {
    return new Route(name, match, List.of("ops-hook"), on, false, grouping, null, null);
  }

  private static final Match CRITICAL =
      new Match(Severity.CRITICAL, Set.of(), Set.of(), Set.of(), Map.of());

  @Test
  void onlyTheOccasionsARouteNotifiesOnArePlanned() {
    Route route =
        route(
            "critical-to-ops", CRITICAL, Set.of(Occasion.OPENED, Occasion.RESOLVED), Grouping.NONE);
    Alert nas = alert(1, "hosts", Severity.CRITICAL, AlertStatus.OPEN);

    planner.plan(
        List.of(route),
        List.of(
            opened(10, nas, T0),
            change(11, nas, HistoryAction.ACKNOWLEDGED, AlertStatus.ACKNOWLEDGED, T0),
            change(12, nas, HistoryAction.RESOLVED, AlertStatus.RESOLVED, T0)),
        T0,
        tx);

    assertThat(tx.rows)
        .flatExtracting(r -> r.items)
        .extracting(NotificationItem::occasion)
        .containsExactly(Occasion.OPENED, Occasion.RESOLVED);
    assertThat(tx.cursor).isEqualTo(12);
  }

  @Test
  void changesAtOrBeforeTheCursorAreNotPlannedTwice() {
    Route route = route("all", Match.ANY, Route.DEFAULT_OCCASIONS, Grouping.NONE);
    tx.cursor = 10;
    planner.plan(
        List.of(route),
        List.of(opened(10, alert(1, "s", Severity.LOW, AlertStatus.OPEN), T0)),
        T0,
        tx);
    assertThat(tx.rows).isEmpty();
    assertThat(tx.cursor).isEqualTo(10);
  }

  @Test
  void theFirstMatchingRouteEndsTheSearchUnlessItContinues() {
    Route first =
        new Route(
            "first",
            CRITICAL,
            List.of("a"),
            Route.DEFAULT_OCCASIONS,
            true,
            Grouping.NONE,
            null,
            null);
    Route second =
        new Route(
            "second",
            Match.ANY,
            List.of("b", "c"),
            Route.DEFAULT_OCCASIONS,
            false,
            Grouping.NONE,
            null,
            null);
    Route third =
        new Route(
            "third",
            Match.ANY,
            List.of("d"),
            Route.DEFAULT_OCCASIONS,
            false,
            Grouping.NONE,
            null,
            null);

    planner.plan(
        List.of(first, second, third),
        List.of(
            opened(1, alert(1, "s", Severity.CRITICAL, AlertStatus.OPEN), T0),
            opened(2, alert(2, "s", Severity.LOW, AlertStatus.OPEN), T0)),
        T0,
        tx);

    assertThat(tx.rows)
        .extracting(FakePlanTransaction.Row::alertIdAndReceiver)
        .containsExactly("1>a", "1>b", "1>c", "2>b", "2>c");
  }

  @Test
  void aGroupWaitsThenBatchesAndLaterNotificationsKeepTheInterval() {
    Grouping bySource =
        new Grouping(List.of("source"), Duration.ofSeconds(30), Duration.ofMinutes(5));
    Route route = route("grouped", Match.ANY, Route.DEFAULT_OCCASIONS, bySource);

    planner.plan(
        List.of(route),
        List.of(
            opened(1, alert(1, "hosts", Severity.HIGH, AlertStatus.OPEN), T0),
            opened(2, alert(2, "hosts", Severity.HIGH, AlertStatus.OPEN), T0.plusSeconds(10)),
            opened(3, alert(3, "odds", Severity.HIGH, AlertStatus.OPEN), T0.plusSeconds(10))),
        T0.plusSeconds(10),
        tx);

    assertThat(tx.rows).hasSize(2);
    assertThat(tx.rows.get(0).items).extracting(NotificationItem::alertId).containsExactly(1L, 2L);
    assertThat(tx.rows.get(0).due()).isEqualTo(T0.plusSeconds(40));
    assertThat(tx.rows.get(0).planned.groupKey()).isEqualTo("source=hosts");

    tx.sealAll(); // sent
    planner.plan(
        List.of(route),
        List.of(opened(4, alert(4, "hosts", Severity.HIGH, AlertStatus.OPEN), T0.plusSeconds(60))),
        T0.plusSeconds(60),
        tx);

    assertThat(tx.rows).hasSize(3);
    assertThat(tx.rows.get(2).due())
        .as("five minutes after the last")
        .isEqualTo(T0.plusSeconds(40 + 300));
  }

  @Test
  void quietHoursHoldNotificationsUntilTheyEndButCriticalOnesGoAtOnce() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    // T0 is 11:00 in Berlin; quiet from 10:00 to 12:00.
    QuietHours quiet = new QuietHours(berlin, LocalTime.of(10, 0), LocalTime.of(12, 0), true);
    Route route =
        new Route(
            "quiet",
            Match.ANY,
            List.of("ops-hook"),
            Route.DEFAULT_OCCASIONS,
            false,
            new Grouping(List.of("source"), Duration.ZERO, Duration.ZERO),
            null,
            quiet);

    planner.plan(
        List.of(route),
        List.of(
            opened(1, alert(1, "hosts", Severity.HIGH, AlertStatus.OPEN), T0),
            opened(2, alert(2, "hosts", Severity.CRITICAL, AlertStatus.OPEN), T0),
            opened(3, alert(3, "hosts", Severity.MEDIUM, AlertStatus.OPEN), T0)),
        T0,
        tx);

    assertThat(tx.rows).hasSize(2);
    assertThat(tx.rows.get(0).due()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(tx.rows.get(0).items).extracting(NotificationItem::alertId).containsExactly(1L, 3L);
    assertThat(tx.rows.get(1).due()).as("critical overrides").isEqualTo(T0);
    assertThat(tx.rows.get(1).items).extracting(NotificationItem::alertId).containsExactly(2L);
  }

  @Test
  void openAlertsAreRemindedUntilTheyAreNoLongerOpen() {
    Route route =
        new Route(
            "repeat",
            Match.ANY,
            List.of("ops-hook"),
            Route.DEFAULT_OCCASIONS,
            false,
            Grouping.NONE,
            Duration.ofHours(1),
            null);
    Alert nas = alert(1, "hosts", Severity.HIGH, AlertStatus.OPEN);
    planner.plan(List.of(route), List.of(opened(1, nas, T0)), T0, tx);
    assertThat(tx.repeats.values())
        .singleElement()
        .extracting(Repeat::dueAt)
        .isEqualTo(T0.plusSeconds(3600));

    Map<String, Route> routes = Map.of("repeat", route);
    tx.sealAll(); // the opening notification went
    assertThat(planner.planRepeats(routes, id -> Optional.of(nas), T0.plusSeconds(3599), 10, tx))
        .isZero();
    assertThat(planner.planRepeats(routes, id -> Optional.of(nas), T0.plusSeconds(3600), 10, tx))
        .isEqualTo(1);
    assertThat(tx.rows.getLast().items.getFirst().occasion()).isEqualTo(Occasion.REPEATED);
    assertThat(tx.repeats.values())
        .singleElement()
        .extracting(Repeat::dueAt)
        .isEqualTo(T0.plusSeconds(7200));

    Alert acknowledged = alert(1, "hosts", Severity.HIGH, AlertStatus.ACKNOWLEDGED);
    planner.plan(
        List.of(route),
        List.of(
            change(
                2,
                acknowledged,
                HistoryAction.ACKNOWLEDGED,
                AlertStatus.ACKNOWLEDGED,
                T0.plusSeconds(4000))),
        T0.plusSeconds(4000),
        tx);
    assertThat(tx.repeats).isEmpty();
  }

  @Test
  void aReminderWhoseAlertEndedOrWhoseRouteIsGoneIsDropped() {
    tx.scheduleRepeat("gone", "ops-hook", 1, T0);
    tx.scheduleRepeat("repeat", "ops-hook", 2, T0);
    Route route =
        new Route(
            "repeat",
            Match.ANY,
            List.of("ops-hook"),
            Route.DEFAULT_OCCASIONS,
            false,
            Grouping.NONE,
            Duration.ofHours(1),
            null);

    int planned =
        planner.planRepeats(
            Map.of("repeat", route),
            id -> Optional.of(alert(id, "s", Severity.HIGH, AlertStatus.RESOLVED)),
            T0,
            10,
            tx);

    assertThat(planned).isZero();
    assertThat(tx.repeats).isEmpty();
    assertThat(tx.rows).isEmpty();
  }

  @Test
  void aMutedRouteWaitsForTheIntervalsEndAndARouteNeverActiveAgainPlansNothing() {
    // T0 is Monday 2026-03-02 10:00 UTC; the route is muted 09:00-12:00 UTC.
    TimeInterval morning =
        new TimeInterval(
            "morning",
            List.of(
                new TimePeriod(
                    List.of(DayMinutes.of("t", "09:00", "12:00")),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    java.time.ZoneOffset.UTC)));
    TimeInterval past =
        new TimeInterval(
            "past",
            List.of(
                new TimePeriod(
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(Span.years("y", "2020")),
                    java.time.ZoneOffset.UTC)));
    Route muted =
        new Route(
            "muted",
            Match.ANY,
            List.of("ops-hook"),
            Route.DEFAULT_OCCASIONS,
            true,
            Grouping.NONE,
            null,
            null,
            null,
            false,
            new RouteTimes(List.of(morning), List.of()));
    Route over =
        new Route(
            "over",
            Match.ANY,
            List.of("ops-hook"),
            Route.DEFAULT_OCCASIONS,
            false,
            Grouping.NONE,
            null,
            null,
            null,
            false,
            new RouteTimes(List.of(), List.of(past)));
    int planned =
        planner.plan(
            List.of(muted, over),
            List.of(opened(10, alert(1, "s", Severity.LOW, AlertStatus.OPEN), T0)),
            T0,
            tx);
    assertThat(planned).isEqualTo(1);
    assertThat(tx.rows).hasSize(1);
    assertThat(tx.rows.get(0).planned.route()).isEqualTo("muted");
    assertThat(tx.rows.get(0).due()).isEqualTo(T0.plus(Duration.ofHours(2)));
  }
}
