package io.klaxon.notify;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.notify.NotificationStore.Gathering;
import io.klaxon.notify.NotificationStore.PlanTransaction;
import io.klaxon.store.AlertChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Turns committed alert changes into notifications in the outbox: which routes take the alert,
 * which occasions they notify on, which group the change joins and when the group's next
 * notification is due (group wait and interval, quiet hours, the route's mute and active time
 * intervals). It also keeps the repeat reminders of open alerts. All of it happens inside one
 * {@link PlanTransaction}, with the cursor.
 */
public final class NotificationPlanner {

  private final Supplier<String> idempotencyKeys;
  private final Predicate<Alert> heldNow;

  /** A planner whose idempotency keys are random UUIDs. */
  public NotificationPlanner() {
    this(() -> UUID.randomUUID().toString());
  }

  public NotificationPlanner(Supplier<String> idempotencyKeys) {
    this(idempotencyKeys, alert -> false);
  }

  /**
   * @param heldNow whether something suppresses an alert now that the engine has not marked on it
   *     yet (a silence that matches an alert just created): its notifications are held too
   */
  public NotificationPlanner(Supplier<String> idempotencyKeys, Predicate<Alert> heldNow) {
    this.idempotencyKeys = idempotencyKeys;
    this.heldNow = heldNow;
  }

  /**
   * Plans {@code changes} (read after the transaction's cursor, in order) and moves the cursor to
   * the last of them.
   *
   * @return how many notification items were planned
   */
  public int plan(List<Route> routes, List<AlertChange> changes, Instant now, PlanTransaction tx) {
    int planned = 0;
    long position = tx.cursor();
    for (AlertChange change : changes) {
      if (change.position() <= position) {
        continue; // read twice (a retried batch): planned already
      }
      planned += plan(routes, change.entry(), change.alert(), now, tx);
      position = change.position();
    }
    tx.advance(position);
    return planned;
  }

  private int plan(
      List<Route> routes, HistoryEntry entry, Alert alert, Instant now, PlanTransaction tx) {
    if (entry.toStatus() != AlertStatus.OPEN) {
      tx.cancelRepeats(alert.id());
    }
    Optional<Occasion> occasion = Occasion.of(entry);
    boolean remind =
        entry.toStatus() == AlertStatus.OPEN
            && (entry.action() == HistoryAction.CREATED
                || entry.action() == HistoryAction.UNACKNOWLEDGED
                || occasion.orElse(null) == Occasion.ESCALATED);
    boolean held = alert.suppressed() || (alert.isActive() && heldNow.test(alert));
    int planned = 0;
    for (Route route : Routing.matching(routes, alert)) {
      for (String receiver : route.receivers()) {
        // Held while the alert is suppressed; the end of the suppression notifies (Occasion).
        if (occasion.isPresent()
            && route.notifyOn().contains(occasion.get())
            && (!held || releasesResolution(route, occasion.get()))) {
          NotificationItem item =
              new NotificationItem(
                  alert.id(),
                  occasion.get(),
                  alert.severity(),
                  entry.toStatus(),
                  alert.title(),
                  entry.at());
          if (enqueue(route, receiver, alert, item, now, tx)) {
            planned++;
          }
        }
        if (remind && route.repeatInterval() != null) {
          tx.scheduleRepeat(
              route.name(), receiver, alert.id(), entry.at().plus(route.repeatInterval()));
        }
      }
    }
    return planned;
  }

  /** Whether the route sends this occasion of a suppressed alert all the same. */
  private static boolean releasesResolution(Route route, Occasion occasion) {
    return occasion == Occasion.RESOLVED && route.sendSuppressedResolutions();
  }

  /**
   * Plans a reminder for every repeat due at {@code now} whose alert is still open and still taken
   * by its route; drops the others.
   *
   * @param alerts the alert as it stands now, by id
   * @return how many reminders were planned
   */
  public int planRepeats(
      Map<String, Route> routes,
      LongFunction<Optional<Alert>> alerts,
      Instant now,
      int limit,
      PlanTransaction tx) {
    int planned = 0;
    for (Repeat repeat : tx.dueRepeats(now, limit)) {
      Route route = routes.get(repeat.route());
      Optional<Alert> alert = alerts.apply(repeat.alertId());
      if (route == null
          || route.repeatInterval() == null
          || !route.receivers().contains(repeat.receiver())
          || alert.isEmpty()
          || alert.get().status() != AlertStatus.OPEN
          || !route.match().matches(alert.get())) {
        tx.cancelRepeat(repeat.route(), repeat.receiver(), repeat.alertId());
        continue;
      }
      Alert open = alert.get();
      if (open.suppressed() || heldNow.test(open)) {
        // No reminder while suppressed; the schedule goes on for when it ends.
        tx.scheduleRepeat(
            route.name(), repeat.receiver(), open.id(), now.plus(route.repeatInterval()));
        continue;
      }
      NotificationItem item =
          new NotificationItem(
              open.id(), Occasion.REPEATED, open.severity(), open.status(), open.title(), now);
      if (enqueue(route, repeat.receiver(), open, item, now, tx)) {
        planned++;
      }
      tx.scheduleRepeat(
          route.name(), repeat.receiver(), open.id(), now.plus(route.repeatInterval()));
    }
    return planned;
  }

  /** Plans the item; false when the route will never send it (no active time ahead). */
  private boolean enqueue(
      Route route,
      String receiver,
      Alert alert,
      NotificationItem item,
      Instant now,
      PlanTransaction tx) {
    String group = route.grouping().key(alert);
    Instant due = now.plus(route.grouping().groupWait());
    Optional<Instant> last = tx.lastDue(route.name(), receiver, group);
    if (last.isPresent() && last.get().plus(route.grouping().interval()).isAfter(due)) {
      due = last.get().plus(route.grouping().interval());
    }
    if (route.quietHours() != null) {
      due = route.quietHours().release(due, alert.severity());
    }
    // Muted or outside its active times, the route's notification waits for the first time it
    // may send (Alertmanager drops it and sends what still fires at its next flush then).
    Optional<Instant> sendable = route.times().nextSend(due);
    if (sendable.isEmpty()) {
      return false;
    }
    due = sendable.get();
    // A change that may go sooner (a critical one in quiet hours) does not join a held batch.
    Optional<Gathering> gathering = tx.gathering(route.name(), receiver, group, due);
    if (gathering.isPresent()) {
      tx.addItem(gathering.get().id(), item);
      return true;
    }
    tx.insert(
        new NewNotification(idempotencyKeys.get(), route.name(), receiver, group, now, due, item));
    return true;
  }
}
