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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps every active alert's {@code suppressedBy} true: each second, and at once when a silence,
 * window, rule or snooze changes, it evaluates the silences, maintenance windows, inhibition rules
 * and snoozes in force against the active alerts and sends the engine an {@link
 * AlertCommand.Suppress} for each alert whose suppression started, changed or ended. It never
 * writes an alert itself.
 */
public final class SuppressionSweep implements Suppressing, SmartLifecycle {

  static final String ACTOR = "klaxon";
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final int CHUNK = 500;
  private static final Logger log = LoggerFactory.getLogger(SuppressionSweep.class);

  private final SilenceStore silences;
  private final SnoozeStore snoozes;
  private final MaintenanceWindowStore windows;
  private final InhibitRuleStore rules;
  private final ActiveAlertReader active;
  private final AlertEngine engine;
  private final InstantSource clock;
  private final Semaphore wake = new Semaphore(0);
  private volatile List<Silence> current = List.of();
  private volatile Map<Long, Snooze> snoozed = Map.of();

  /** The windows open at the last sweep; {@link #holds} checks they still are. */
  private volatile List<MaintenanceWindow> scheduled = List.of();

  private volatile List<InhibitRule> inhibiting = List.of();

  /** The active alerts of the last sweep, as inhibition sources for {@link #holds}. */
  private volatile List<Alert> sources = List.of();

  private volatile boolean running;

  /** Active alerts left marked by the last full sweep; -1 before the first. */
  private int marked = -1;

  private volatile Thread thread = new Thread(() -> {});

  SuppressionSweep(
      SilenceStore silences,
      SnoozeStore snoozes,
      MaintenanceWindowStore windows,
      InhibitRuleStore rules,
      ActiveAlertReader active,
      AlertEngine engine,
      InstantSource clock) {
    this.silences = silences;
    this.snoozes = snoozes;
    this.windows = windows;
    this.rules = rules;
    this.active = active;
    this.engine = engine;
    this.clock = clock;
  }

  /** Sweeps soon: a silence, window, rule or snooze changed. */
  void wake() {
    wake.release();
  }

  @Override
  public boolean holds(Alert alert) {
    return !new Suppressions(clock.instant(), current, scheduled, inhibiting, snoozed, sources)
        .of(alert)
        .isEmpty();
  }

  /**
   * One evaluation of every active alert.
   *
   * @return how many alerts' suppression changed
   */
  int sweep() {
    Instant now = clock.instant();
    List<Silence> live =
        silences.all().stream().filter(s -> s.state(now) != SilenceState.EXPIRED).toList();
    current = live;
    Map<Long, Snooze> holding = new HashMap<>();
    for (Snooze snooze : snoozes.all()) {
      if (snooze.holds(now)) {
        holding.put(snooze.alertId(), snooze);
      }
    }
    snoozed = Map.copyOf(holding);
    // Expanding a rule costs more than matching labels: only the windows open now are kept.
    List<MaintenanceWindow> open =
        windows.all().stream().filter(window -> window.openAt(now).isPresent()).toList();
    List<InhibitRule> rulesNow = rules.all();
    scheduled = open;
    inhibiting = rulesNow;
    if (live.isEmpty()
        && holding.isEmpty()
        && open.isEmpty()
        && rulesNow.isEmpty()
        && marked == 0) {
      // Only this sweep marks alerts: with nothing in force and none marked, none can change.
      sources = List.of();
      return 0;
    }
    List<Alert> alerts = active.all();
    sources = rulesNow.isEmpty() ? List.of() : alerts;
    Suppressions suppressions = new Suppressions(now, live, open, rulesNow, holding, alerts);
    List<AlertCommand.Suppress> commands = new ArrayList<>();
    int stillMarked = 0;
    for (Alert alert : alerts) {
      List<Suppressor> by = suppressions.of(alert);
      if (!by.isEmpty()) {
        stillMarked++;
      }
      if (!by.equals(alert.suppressedBy())) {
        commands.add(new AlertCommand.Suppress(alert.id(), by, Actor.of(ACTOR)));
      }
    }
    for (int from = 0; from < commands.size(); from += CHUNK) {
      engine.apply(commands.subList(from, Math.min(commands.size(), from + CHUNK)));
    }
    marked = stillMarked;
    return commands.size();
  }

  private void loop() {
    while (running) {
      try {
        sweep();
      } catch (RuntimeException e) {
        log.warn("suppression sweep failed; next in {}", INTERVAL, e);
      }
      try {
        if (wake.tryAcquire(INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().daemon().name("klaxon-suppression").start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
