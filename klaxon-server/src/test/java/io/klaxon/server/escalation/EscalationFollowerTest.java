package io.klaxon.server.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.escalation.Escalation;
import io.klaxon.escalation.EscalationPolicy;
import io.klaxon.escalation.EscalationStore;
import io.klaxon.escalation.Target;
import io.klaxon.server.notify.RoutePolicies;
import io.klaxon.store.AlertChange;
import io.klaxon.store.ChangeFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The follower on a feed and a store held in memory: with no route that starts a policy it reads no
 * change, and a policy added later starts for the alerts opened after it, never for those before.
 */
class EscalationFollowerTest {

  private static final Instant T0 = Instant.parse("2026-12-06T11:00:00Z");

  private static final EscalationPolicy PAGE =
      new EscalationPolicy(
          "page",
          List.of(
              new EscalationPolicy.Step(
                  Duration.ofMinutes(5), List.of(new Target.ReceiverTarget("ops")))),
          0);

  private final MemoryFeed feed = new MemoryFeed();
  private final MemoryEscalations store = new MemoryEscalations();
  private final AtomicBoolean routeWithPolicy = new AtomicBoolean();
  private final EscalationFollower follower =
      new EscalationFollower(
          store,
          feed,
          routeWithPolicy::get,
          alert ->
              routeWithPolicy.get()
                  ? List.of(new RoutePolicies.Started("critical", "page"))
                  : List.of(),
          name -> name.equals("page") ? Optional.of(PAGE) : Optional.empty(),
          InstantSource.fixed(T0));

  @Test
  void withNoRouteStartingAPolicyAndNoneRunning_theFeedIsNotRead() {
    follower.startAtEndIfNew();
    feed.add(1, HistoryAction.CREATED);
    feed.add(2, HistoryAction.CREATED);

    assertThat(follower.followOnce(200)).isZero();
    assertThat(follower.followOnce(200)).isZero();

    assertThat(feed.reads).isZero();
    assertThat(follower.idle()).isTrue();
    assertThat(store.escalations).isEmpty();
  }

  @Test
  void aPolicyAddedLaterStartsForAlertsOpenedAfterIt_notForThoseBefore() {
    follower.startAtEndIfNew();
    feed.add(1, HistoryAction.CREATED);
    follower.followOnce(200); // no route starts a policy: alert 1 escalates to nobody

    routeWithPolicy.set(true);
    feed.add(2, HistoryAction.CREATED);
    assertThat(follower.followOnce(200)).isEqualTo(1);

    assertThat(store.escalations.keySet()).containsExactly(2L);
    assertThat(store.cursor()).isEqualTo(2);
    assertThat(follower.idle()).isFalse();
  }

  @Test
  void whatWasSkippedStaysSkippedAfterARestart() {
    feed.add(1, HistoryAction.CREATED);
    follower.startAtEndIfNew(); // the stored position: 1
    feed.add(2, HistoryAction.CREATED);
    follower.followOnce(200); // skipped in memory only: writing it waits for IDLE_WRITE
    routeWithPolicy.set(true);
    follower.followOnce(200);

    EscalationFollower restarted =
        new EscalationFollower(
            store,
            feed,
            routeWithPolicy::get,
            alert -> List.of(new RoutePolicies.Started("critical", "page")),
            name -> Optional.of(PAGE),
            InstantSource.fixed(T0));
    restarted.startAtEndIfNew();
    feed.add(3, HistoryAction.CREATED);
    restarted.followOnce(200);

    assertThat(store.escalations.keySet()).containsExactly(3L);
  }

  @Test
  void escalationsStillRunningAreEndedAfterTheirRouteLostItsPolicy() {
    follower.startAtEndIfNew();
    routeWithPolicy.set(true);
    feed.add(1, HistoryAction.CREATED);
    follower.followOnce(200);
    assertThat(store.anyRunning()).isTrue();

    routeWithPolicy.set(false);
    feed.add(1, HistoryAction.ACKNOWLEDGED);
    assertThat(follower.followOnce(200)).isEqualTo(1);

    assertThat(store.escalations.get(1L).endReason()).isEqualTo("acknowledged");
    assertThat(store.anyRunning()).isFalse();
  }

  /** A change feed in memory that counts its reads of changes. */
  private static final class MemoryFeed implements ChangeFeed {
    private final List<AlertChange> changes = new ArrayList<>();
    int reads;

    void add(long alertId, HistoryAction action) {
      Alert alert = alert(alertId);
      HistoryEntry entry =
          new HistoryEntry(
              alertId,
              changes.size() + 1L,
              T0,
              "test",
              action,
              null,
              AlertStatus.OPEN,
              List.of(),
              null);
      changes.add(new AlertChange(changes.size() + 1L, entry, alert));
    }

    @Override
    public List<AlertChange> changesAfter(long position, int limit) {
      reads++;
      return changes.stream().filter(c -> c.position() > position).limit(limit).toList();
    }

    @Override
    public long lastPosition() {
      return changes.size();
    }
  }

  /** Escalations in memory, one per alert, with the cursor. */
  private static final class MemoryEscalations implements EscalationStore {
    final Map<Long, Escalation> escalations = new HashMap<>();
    private long cursor;

    @Override
    public long cursor() {
      return cursor;
    }

    @Override
    public void follow(List<Start> starts, List<Ended> ended, long position, Instant now) {
      cursor = Math.max(cursor, position);
      for (Start start : starts) {
        escalations.putIfAbsent(
            start.alertId(),
            new Escalation(
                escalations.size() + 1L,
                start.alertId(),
                start.policy(),
                start.route(),
                0,
                0,
                start.firstAt(),
                start.startedAt(),
                null,
                null,
                null));
      }
      for (Ended end : ended) {
        Escalation running = escalations.get(end.alertId());
        if (running != null && running.endReason() == null) {
          escalations.put(end.alertId(), ended(running, end.reason()));
        }
      }
    }

    @Override
    public boolean anyRunning() {
      return escalations.values().stream().anyMatch(e -> e.endReason() == null);
    }

    @Override
    public List<Escalation> claimDue(Instant now, Instant leaseUntil, int limit) {
      return List.of();
    }

    @Override
    public void advance(
        long id, int round, int step, Instant nextAt, Instant firedAt, String notified) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void postpone(long id, Instant at) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void end(long id, String reason, Instant at, @Nullable String notified) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Escalation> ofAlert(long alertId) {
      Escalation escalation = escalations.get(alertId);
      return escalation == null ? List.of() : List.of(escalation);
    }

    private static Escalation ended(Escalation e, String reason) {
      return new Escalation(
          e.id(),
          e.alertId(),
          e.policy(),
          e.route(),
          e.round(),
          e.step(),
          null,
          e.startedAt(),
          e.lastStepAt(),
          e.lastNotified(),
          reason);
    }
  }

  private static Alert alert(long id) {
    return new Alert(
        id,
        "fp-" + id,
        "test",
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
        1,
        List.of());
  }
}
