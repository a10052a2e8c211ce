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
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notifications of suppressed alerts are held, and go out when the suppression ends. */
class HeldNotificationsTest {

  private final FakePlanTransaction tx = new FakePlanTransaction();
  private final Route all =
      new Route(
          "all",
          Match.ANY,
          List.of("ops-hook"),
          Route.DEFAULT_OCCASIONS,
          false,
          Grouping.NONE,
          null,
          null);
  private final Alert open = alert(1, "hosts", Severity.CRITICAL, AlertStatus.OPEN);
  private final Alert silenced =
      open.withSuppressedBy(
          List.of(new Suppressor(SuppressionKind.SILENCE, "u-1", T0.plusSeconds(60))));

  private List<Occasion> planned() {
    return tx.rows.stream().flatMap(r -> r.items.stream()).map(NotificationItem::occasion).toList();
  }

  @Test
  void suppressedAlert_isNotNotified_andItsEndNotifiesTheOpening() {
    NotificationPlanner planner = new NotificationPlanner(() -> "k", alert -> false);

    planner.plan(
        List.of(all),
        List.of(
            change(10, silenced, HistoryAction.SUPPRESSED, AlertStatus.OPEN, T0),
            change(11, silenced, HistoryAction.RESOLVED, AlertStatus.RESOLVED, T0)),
        T0,
        tx);
    assertThat(planned()).isEmpty();

    planner.plan(
        List.of(all),
        List.of(change(12, open, HistoryAction.UNSUPPRESSED, AlertStatus.OPEN, T0)),
        T0,
        tx);
    assertThat(planned()).containsExactly(Occasion.OPENED);
  }

  @Test
  void routeThatSendsSuppressedResolutions_notifiesTheResolutionButStillHoldsTheOpening() {
    NotificationPlanner planner = new NotificationPlanner(() -> "k", alert -> false);
    Route sending =
        new Route(
            "sends-resolutions",
            Match.ANY,
            List.of("ops-hook"),
            Route.DEFAULT_OCCASIONS,
            false,
            Grouping.NONE,
            null,
            null,
            null,
            true);
    Alert resolved = alert(1, "hosts", Severity.CRITICAL, AlertStatus.RESOLVED);
    Alert silencedResolved =
        resolved.withSuppressedBy(
            List.of(new Suppressor(SuppressionKind.SILENCE, "u-1", T0.plusSeconds(60))));

    planner.plan(
        List.of(sending),
        List.of(
            change(10, silenced, HistoryAction.SUPPRESSED, AlertStatus.OPEN, T0),
            change(11, silencedResolved, HistoryAction.RESOLVED, AlertStatus.RESOLVED, T0)),
        T0,
        tx);

    assertThat(planned()).containsExactly(Occasion.RESOLVED);
  }

  @Test
  void byDefault_theResolutionOfASuppressedAlertIsHeld() {
    NotificationPlanner planner = new NotificationPlanner(() -> "k", alert -> false);
    Alert silencedResolved =
        alert(1, "hosts", Severity.CRITICAL, AlertStatus.RESOLVED)
            .withSuppressedBy(
                List.of(new Suppressor(SuppressionKind.SILENCE, "u-1", T0.plusSeconds(60))));

    planner.plan(
        List.of(all),
        List.of(change(11, silencedResolved, HistoryAction.RESOLVED, AlertStatus.RESOLVED, T0)),
        T0,
        tx);

    assertThat(all.sendSuppressedResolutions()).isFalse();
    assertThat(planned()).isEmpty();
  }

  @Test
  void newAlertThatASilenceAlreadyMatches_isHeldBeforeTheEngineMarksIt() {
    NotificationPlanner planner = new NotificationPlanner(() -> "k", alert -> alert.id() == 1);

    planner.plan(List.of(all), List.of(opened(10, open, T0)), T0, tx);

    assertThat(planned()).isEmpty();
    assertThat(tx.cursor).isEqualTo(10);
  }
}
