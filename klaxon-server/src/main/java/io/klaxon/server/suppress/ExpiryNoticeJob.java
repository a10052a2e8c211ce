package io.klaxon.server.suppress;

import io.klaxon.access.Actor;
import io.klaxon.alert.Alert;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertEngine;
import io.klaxon.engine.AlertRef;
import io.klaxon.store.AlertStore;
import io.klaxon.suppress.Ending;
import io.klaxon.suppress.EndingNotices;
import io.klaxon.suppress.MaintenanceWindowStore;
import io.klaxon.suppress.SilenceState;
import io.klaxon.suppress.SilenceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.SmartLifecycle;

/**
 * Raises a notice before each silence or maintenance window occurrence ends ({@code
 * klaxon.silences.expiry-notice}), once per end, as an alert through the engine ({@link
 * EndingNotices}); expires a notice whose end is gone (the silence ended, was expired by hand or
 * now ends at another time; the window was changed or deleted). Every few seconds, and at once when
 * a silence or window changes.
 */
public final class ExpiryNoticeJob implements SmartLifecycle {

  static final Duration INTERVAL = Duration.ofSeconds(2);

  private final EndingNotices notices;
  private final SilenceStore silences;
  private final MaintenanceWindowStore windows;
  private final AlertStore alerts;
  private final AlertEngine engine;
  private final InstantSource clock;
  private final RoundLoop loop =
      new RoundLoop("klaxon-expiry-notices", "expiry notices", INTERVAL, this::round);

  /** Fingerprints of notices known to be raised already: spares the store a look each round. */
  private final Set<String> raised = new HashSet<>();

  ExpiryNoticeJob(
      EndingNotices notices,
      SilenceStore silences,
      MaintenanceWindowStore windows,
      AlertStore alerts,
      AlertEngine engine,
      InstantSource clock) {
    this.notices = notices;
    this.silences = silences;
    this.windows = windows;
    this.alerts = alerts;
    this.engine = engine;
    this.clock = clock;
  }

  /** Looks soon: a silence or window changed. */
  void wake() {
    loop.wake();
  }

  /**
   * One round: raises the notices now due, expires those whose end is gone.
   *
   * @return how many notices were raised
   */
  public synchronized int round() {
    Instant now = clock.instant();
    List<Ending> endings = new ArrayList<>();
    silences.all().stream()
        .filter(s -> s.state(now) == SilenceState.ACTIVE)
        .map(Ending::of)
        .forEach(endings::add);
    windows
        .all()
        .forEach(window -> window.openAt(now).ifPresent(o -> endings.add(Ending.of(window, o))));
    List<Ending> due = notices.due(now, endings);
    Set<String> wanted = new HashSet<>();
    int count = 0;
    for (Ending ending : due) {
      String fingerprint = EndingNotices.fingerprint(ending);
      wanted.add(fingerprint);
      if (raised.contains(fingerprint) || raisedBefore(ending, fingerprint)) {
        raised.add(fingerprint);
        continue;
      }
      List<Alert> held = heldBy(ending);
      Severity severity =
          held.stream()
              .map(Alert::severity)
              .max(Comparator.comparingInt(Severity::rank))
              .orElse(Severity.INFO);
      engine
          .apply(
              notices.notice(ending, severity, held.size(), now, Actor.of(SuppressionSweep.ACTOR)))
          .alertOrThrow();
      raised.add(fingerprint);
      count++;
    }
    for (Alert notice : activeNotices()) {
      if (!wanted.contains(notice.fingerprint())) {
        engine.apply(
            new AlertCommand.Change(
                AlertRef.id(notice.id()),
                Transition.EXPIRE,
                Actor.of(SuppressionSweep.ACTOR),
                "no longer ends then: it ended, was expired or was extended",
                true));
      }
    }
    raised.retainAll(wanted);
    return count;
  }

  /** Whether a notice of this end exists, open or not: after a restart, it is not raised again. */
  private boolean raisedBefore(Ending ending, String fingerprint) {
    AlertQuery query =
        AlertQuery.all()
            .withSources(Set.of(EndingNotices.SOURCE))
            .withTypes(Set.of(EndingNotices.TYPE))
            .withSubject(ending.kind().word(), ending.id())
            .withLimit(AlertQuery.MAX_LIMIT);
    return alerts.find(query).alerts().stream()
        .anyMatch(alert -> alert.fingerprint().equals(fingerprint));
  }

  private List<Alert> heldBy(Ending ending) {
    return engine.activeAlerts().stream()
        .filter(
            alert ->
                alert.suppressedBy().stream()
                    .anyMatch(by -> by.kind() == ending.kind() && by.id().equals(ending.id())))
        .toList();
  }

  private List<Alert> activeNotices() {
    return alerts
        .find(
            AlertQuery.all()
                .withSources(Set.of(EndingNotices.SOURCE))
                .withTypes(Set.of(EndingNotices.TYPE))
                .withStatuses(Set.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED))
                .withLimit(AlertQuery.MAX_LIMIT))
        .alerts();
  }

  @Override
  public void start() {
    if (!notices.enabled()) {
      return;
    }
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
