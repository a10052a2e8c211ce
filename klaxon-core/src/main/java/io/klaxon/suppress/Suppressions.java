package io.klaxon.suppress;

import io.klaxon.alert.Alert;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What suppresses an alert at one moment, given the silences, inhibition rules and snoozes in force
 * and the active alerts that may inhibit others. A value: build one per evaluation round.
 */
public final class Suppressions {

  private final Instant now;
  private final SilenceIndex silences;
  private final List<InhibitRule> rules;
  private final Map<Long, Snooze> snoozes;
  private final List<Labelled> sources;

  private record Labelled(long id, Map<String, String> labels) {}

  /**
   * @param active the active alerts that may inhibit (final alerts never do)
   */
  public Suppressions(
      Instant now,
      Collection<Silence> silences,
      Collection<InhibitRule> rules,
      Map<Long, Snooze> snoozes,
      Collection<Alert> active) {
    this.now = now;
    this.silences =
        new SilenceIndex(
            silences.stream().filter(s -> s.state(now) == SilenceState.ACTIVE).toList());
    this.rules = List.copyOf(rules);
    this.snoozes = Map.copyOf(snoozes);
    this.sources =
        rules.isEmpty()
            ? List.of()
            : active.stream()
                .filter(Alert::isActive)
                .map(alert -> new Labelled(alert.id(), Labels.of(alert)))
                .toList();
  }

  /**
   * What suppresses the alert now, silences first; empty for a final alert or none, and for the
   * notice that a silence ends (a silence on {@code severity="critical"} must not hide its own).
   */
  public List<Suppressor> of(Alert alert) {
    if (!alert.isActive() || EndingNotices.isNotice(alert)) {
      return List.of();
    }
    return of(alert.id(), Labels.of(alert));
  }

  /** What suppresses an active alert with this id and these labels now. */
  public List<Suppressor> of(long alertId, Map<String, String> labels) {
    List<Suppressor> found = new ArrayList<>();
    for (Silence silence : silences.matching(labels)) {
      found.add(new Suppressor(SuppressionKind.SILENCE, silence.uuid(), silence.endsAt()));
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

  private boolean inhibited(InhibitRule rule, long alertId, Map<String, String> labels) {
    for (Labelled source : sources) {
      if (source.id() != alertId && rule.inhibits(source.labels(), labels)) {
        return true;
      }
    }
    return false;
  }
}
