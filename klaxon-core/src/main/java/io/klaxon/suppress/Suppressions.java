package io.klaxon.suppress;

import io.klaxon.alert.Alert;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What suppresses an alert at one moment, given the silences, maintenance windows, inhibition rules
 * and snoozes in force and the active alerts that may inhibit others. A value: build one per
 * evaluation round.
 */
public final class Suppressions {

  private final Instant now;
  private final List<Silence> silences;
  private final List<OpenWindow> windows;
  private final List<InhibitRule> rules;
  private final Map<Long, Snooze> snoozes;
  private final List<Labelled> sources;

  private record Labelled(Alert alert, Map<String, String> labels) {}

  private record OpenWindow(MaintenanceWindow window, Occurrence occurrence) {}

  /**
   * @param active the active alerts that may inhibit (final alerts never do)
   */
  public Suppressions(
      Instant now,
      Collection<Silence> silences,
      Collection<MaintenanceWindow> windows,
      Collection<InhibitRule> rules,
      Map<Long, Snooze> snoozes,
      Collection<Alert> active) {
    this.now = now;
    this.silences = silences.stream().filter(s -> s.state(now) == SilenceState.ACTIVE).toList();
    List<OpenWindow> open = new ArrayList<>();
    for (MaintenanceWindow window : windows) {
      window.openAt(now).ifPresent(occurrence -> open.add(new OpenWindow(window, occurrence)));
    }
    this.windows = List.copyOf(open);
    this.rules = List.copyOf(rules);
    this.snoozes = Map.copyOf(snoozes);
    this.sources =
        rules.isEmpty()
            ? List.of()
            : active.stream()
                .filter(Alert::isActive)
                .map(alert -> new Labelled(alert, Labels.of(alert)))
                .toList();
  }

  /**
   * What suppresses the alert now: silences, then windows, inhibition rules and the snooze; empty
   * for a final alert or none.
   */
  public List<Suppressor> of(Alert alert) {
    if (!alert.isActive()) {
      return List.of();
    }
    return of(alert.id(), Labels.of(alert));
  }

  /** What suppresses an active alert with this id and these labels now. */
  public List<Suppressor> of(long alertId, Map<String, String> labels) {
    List<Suppressor> found = new ArrayList<>();
    for (Silence silence : silences) {
      if (silence.matches(labels)) {
        found.add(new Suppressor(SuppressionKind.SILENCE, silence.uuid(), silence.endsAt()));
      }
    }
    for (OpenWindow open : windows) {
      if (open.window().matches(labels)) {
        found.add(
            new Suppressor(
                SuppressionKind.WINDOW,
                Long.toString(open.window().id()),
                open.occurrence().end()));
      }
    }
    for (InhibitRule rule : rules) {
      if (rule.targets(labels) && inhibited(rule, alertId, labels)) {
        found.add(new Suppressor(SuppressionKind.INHIBITION, rule.name(), null));
      }
    }
    Snooze snooze = snoozes.get(alertId);
    if (snooze != null && snooze.holds(now)) {
      found.add(new Suppressor(SuppressionKind.SNOOZE, Long.toString(alertId), snooze.until()));
    }
    return found;
  }

  /**
   * The alert that inhibits an active alert with this id and these labels now, if any: a source of
   * the first rule that inhibits it, as Alertmanager names one in {@code inhibitedBy}.
   */
  public Optional<Alert> inhibitor(long alertId, Map<String, String> labels) {
    for (InhibitRule rule : rules) {
      if (rule.targets(labels)) {
        Optional<Alert> source = source(rule, alertId, labels);
        if (source.isPresent()) {
          return source;
        }
      }
    }
    return Optional.empty();
  }

  private boolean inhibited(InhibitRule rule, long alertId, Map<String, String> labels) {
    return source(rule, alertId, labels).isPresent();
  }

  private Optional<Alert> source(InhibitRule rule, long alertId, Map<String, String> labels) {
    for (Labelled source : sources) {
      if (source.alert().id() != alertId && rule.inhibits(source.labels(), labels)) {
        return Optional.of(source.alert());
      }
    }
    return Optional.empty();
  }
}
