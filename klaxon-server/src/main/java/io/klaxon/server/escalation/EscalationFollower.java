package io.klaxon.server.escalation;

import io.klaxon.alert.HistoryEntry;
import io.klaxon.escalation.EscalationPolicy;
import io.klaxon.escalation.EscalationStore;
import io.klaxon.server.notify.RoutePolicies;
import io.klaxon.store.AlertChange;
import io.klaxon.store.ChangeFeed;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the change feed after its own cursor: an opened alert that a route with a policy matches
 * starts an escalation; an acknowledged, resolved, dismissed or expired one ends its escalations.
 * What it read and what it started commit together, so a restart neither loses nor repeats.
 */
final class EscalationFollower {

  private final EscalationStore store;
  private final ChangeFeed feed;
  private final RoutePolicies routes;
  private final PolicyDirectory policies;
  private final InstantSource clock;

  /** How often a position that started and ended nothing is written at most. */
  static final Duration IDLE_WRITE = Duration.ofMinutes(10);

  /** The position of the last change read, ahead of the stored one while nothing needed writing. */
  private long read;

  /** When the position was last written ({@link System#nanoTime}, wall time: it paces writes). */
  private long written = System.nanoTime();

  EscalationFollower(
      EscalationStore store,
      ChangeFeed feed,
      RoutePolicies routes,
      PolicyDirectory policies,
      InstantSource clock) {
    this.store = store;
    this.feed = feed;
    this.routes = routes;
    this.policies = policies;
    this.clock = clock;
  }

  /** A new installation starts at the feed's end: the alerts of the past escalate to nobody. */
  void startAtEndIfNew() {
    if (store.cursor() == 0) {
      store.follow(List.of(), List.of(), feed.lastPosition(), clock.instant());
    }
    read = store.cursor();
  }

  /**
   * Follows up to {@code limit} changes; answers how many were read. Changes that start or end
   * nothing move only the position in memory, written with the next real change or every {@link
   * #IDLE_WRITE} (on SQLite each write is a turn of the one write lock the alert writer needs too);
   * after a restart those changes are read again, which starts and ends nothing twice.
   */
  int followOnce(int limit) {
    List<AlertChange> changes = feed.changesAfter(read, limit);
    if (changes.isEmpty()) {
      return 0;
    }
    List<EscalationStore.Start> starts = new ArrayList<>();
    List<EscalationStore.Ended> ended = new ArrayList<>();
    for (AlertChange change : changes) {
      HistoryEntry entry = change.entry();
      switch (entry.action()) {
        case CREATED -> {
          for (RoutePolicies.Started started : routes.matching(change.alert())) {
            Optional<EscalationPolicy> policy = policies.policy(started.policy());
            policy.ifPresent(
                p ->
                    starts.add(
                        new EscalationStore.Start(
                            entry.alertId(),
                            p.name(),
                            started.route(),
                            entry.at(),
                            entry.at().plus(p.steps().getFirst().after()))));
          }
        }
        case ACKNOWLEDGED, RESOLVED, DISMISSED, EXPIRED ->
            ended.add(
                new EscalationStore.Ended(
                    entry.alertId(), entry.action().name().toLowerCase(Locale.ROOT)));
        default -> {}
      }
    }
    read = changes.getLast().position();
    long nanos = System.nanoTime();
    if (!starts.isEmpty() || !ended.isEmpty() || nanos - written >= IDLE_WRITE.toNanos()) {
      store.follow(starts, ended, read, clock.instant());
      written = nanos;
    }
    return changes.size();
  }
}
