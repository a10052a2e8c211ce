package io.klaxon.server.suppress;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.Suppressor;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.InhibitRuleStore;
import io.klaxon.suppress.MaintenanceWindow;
import io.klaxon.suppress.MaintenanceWindowStore;
import io.klaxon.suppress.Silence;
import io.klaxon.suppress.SilenceState;
import io.klaxon.suppress.SilenceStore;
import io.klaxon.suppress.Snooze;
import io.klaxon.suppress.SnoozeStore;
import io.klaxon.suppress.Suppressing;
import io.klaxon.suppress.Suppressions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps every active alert's {@code suppressedBy} true: each second, and at once when a silence,
 * window, rule or snooze changes, it evaluates the silences, maintenance windows, inhibition rules
 * and snoozes in force against the active alerts and sends the engine an {@link
 * AlertCommand.Suppress} for each alert whose suppression started, changed or ended. It never
 * writes an alert itself.
 *
 * <p>What it looks at is kept small, since ingest shares the machine with it: every active alert
 * (from the engine's memory, not the store) only when what is in force changed — a silence or
 * snooze added, changed or ended, one starting or ending by the clock — and once a minute as a
 * safety net; otherwise only the alerts committed since the last round. With inhibition rules in
 * force every round looks at every alert, since a source alert's change moves its targets. Silences
 * are looked up through a {@link io.klaxon.suppress.SilenceIndex}.
 */
public final class SuppressionSweep implements Suppressing, SmartLifecycle {

  static final String ACTOR = "klaxon";
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final int CHUNK = 500;
  private static final Duration FULL_EVERY = Duration.ofMinutes(1);

  private final SilenceStore silences;
  private final SnoozeStore snoozes;
  private final MaintenanceWindowStore windows;
  private final InhibitRuleStore rules;
  private final AlertEngine engine;
  private final InstantSource clock;
  private final RoundLoop loop =
      new RoundLoop("klaxon-suppression", "suppression sweep", INTERVAL, this::sweep);

  /** Alerts committed since the last round, by id, as committed last. */
  private final Map<Long, Alert> committed = new ConcurrentHashMap<>();

  /**
   * Whether commits are recorded for the next round: not while nothing is in force and no alert is
   * marked, when a round that is not full looks at none of them (the writer's thread then skips a
   * map entry per alert). The round that finds something in force again is a full one.
   */
  private volatile boolean recording = true;

  /** What is in force as the last round saw it, for the planner's questions between rounds. */
  private volatile Suppressions current =
      new Suppressions(Instant.EPOCH, List.of(), List.of(), List.of(), Map.of(), List.of());

  private List<MaintenanceWindow> lastOpen = List.of();

  /** Active alerts left marked by the last full round; -1 before the first. */
  private int marked = -1;

  private List<Silence> lastLive = List.of();
  private Map<Long, Snooze> lastHolding = Map.of();

  /** When a silence or snooze in view next starts or ends: every alert is looked at then. */
  private Instant nextBoundary = Instant.MIN;

  private Instant nextFull = Instant.MIN;

  SuppressionSweep(
      SilenceStore silences,
      SnoozeStore snoozes,
      MaintenanceWindowStore windows,
      InhibitRuleStore rules,
      AlertEngine engine,
      InstantSource clock) {
    this.silences = silences;
    this.snoozes = snoozes;
    this.windows = windows;
    this.rules = rules;
    this.engine = engine;
    this.clock = clock;
    engine.onCommitted(
        alerts -> {
          if (!recording) {
            return;
          }
          for (Alert alert : alerts) {
            committed.put(alert.id(), alert);
          }
        });
  }

  /** Sweeps soon: a silence, window, rule or snooze changed. */
  void wake() {
    loop.wake();
  }

  /** Answers from what was in force at the last round (at most a second old). */
  @Override
  public boolean holds(Alert alert) {
    return !current.of(alert).isEmpty();
  }

  /**
   * One round: every active alert when what is in force changed, else the alerts committed since.
   *
   * @return how many alerts' suppression changed
   */
  int sweep() {
    Instant now = clock.instant();
    List<Silence> live =
        silences.all().stream().filter(s -> s.state(now) != SilenceState.EXPIRED).toList();
    Map<Long, Snooze> holding = new HashMap<>();
    for (Snooze snooze : snoozes.all()) {
      if (snooze.holds(now)) {
        holding.put(snooze.alertId(), snooze);
      }
    }
    // Expanding a rule costs more than matching labels: only the windows open now are kept.
    List<MaintenanceWindow> open =
        windows.all().stream().filter(window -> window.openAt(now).isPresent()).toList();
    List<InhibitRule> rulesNow = rules.all();
    boolean nothingInForce =
        live.isEmpty() && holding.isEmpty() && open.isEmpty() && rulesNow.isEmpty();
    // Before the alerts are read: what commits from now on is recorded if it may matter.
    recording = !(nothingInForce && marked == 0);
    boolean full =
        marked < 0
            || !rulesNow.isEmpty()
            || !live.equals(lastLive)
            || !holding.equals(lastHolding)
            || !open.equals(lastOpen)
            || !now.isBefore(nextBoundary)
            || !now.isBefore(nextFull);
    lastLive = live;
    lastHolding = Map.copyOf(holding);
    lastOpen = open;
    nextBoundary = boundary(now, live, holding.values());
    Collection<Alert> alerts;
    if (full) {
      // Cleared first: what commits while the engine's alerts are read is looked at next round.
      committed.clear();
      nextFull = now.plus(FULL_EVERY);
      alerts = engine.activeAlerts();
      // With nothing in force and none marked, none can change. Not only this sweep's count: in
      // cluster mode a partition taken over may hold alerts its former owner marked.
      if (nothingInForce
          && marked == 0
          && alerts.stream().allMatch(a -> a.suppressedBy().isEmpty())) {
        current = new Suppressions(now, live, open, rulesNow, holding, List.of());
        return 0;
      }
    } else {
      alerts = drainCommitted();
    }
    Suppressions suppressions =
        new Suppressions(
            now, live, open, rulesNow, holding, rulesNow.isEmpty() ? List.of() : alerts);
    current = suppressions;
    if (!full && nothingInForce && marked == 0) {
      return 0;
    }
    List<AlertCommand.Suppress> commands = new ArrayList<>();
    int stillMarked = 0;
    for (Alert alert : alerts) {
      if (!alert.isActive()) {
        continue;
      }
      List<Suppressor> by = suppressions.of(alert);
      if (!by.isEmpty()) {
        stillMarked++;
      }
      if (!by.equals(alert.suppressedBy())) {
        commands.add(new AlertCommand.Suppress(alert.id(), by, Actor.of(ACTOR)));
      }
    }
    try {
      for (int from = 0; from < commands.size(); from += CHUNK) {
        engine.apply(commands.subList(from, Math.min(commands.size(), from + CHUNK)));
      }
    } catch (RuntimeException e) {
      // The alerts of this round were taken off the committed list: look at all of them again.
      nextFull = Instant.MIN;
      throw e;
    }
    if (full) {
      marked = stillMarked;
    } else if (stillMarked > 0) {
      marked = Math.max(marked, 1);
    }
    return commands.size();
  }

  private List<Alert> drainCommitted() {
    List<Alert> drained = new ArrayList<>(committed.size());
    for (Long id : List.copyOf(committed.keySet())) {
      Alert alert = committed.remove(id);
      if (alert != null) {
        drained.add(alert);
      }
    }
    return drained;
  }

  /** The next time after {@code now} that a silence starts or ends or a snooze ends. */
  private static Instant boundary(Instant now, List<Silence> live, Collection<Snooze> holding) {
    Instant next = Instant.MAX;
    for (Silence silence : live) {
      for (Instant at : List.of(silence.startsAt(), silence.endsAt())) {
        if (at.isAfter(now) && at.isBefore(next)) {
          next = at;
        }
      }
    }
    for (Snooze snooze : holding) {
      if (snooze.until().isAfter(now) && snooze.until().isBefore(next)) {
        next = snooze.until();
      }
    }
    return next;
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop();
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }
}
