package io.klaxon.server.escalation;

import io.klaxon.alert.Alert;
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
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Reads the change feed after its own cursor: an opened alert that a route with a policy matches
 * starts an escalation; an acknowledged, resolved, dismissed or expired one ends its escalations.
 * What it read and what it started commit together, so a restart neither loses nor repeats.
 *
 * <p>While no route starts a policy and no escalation runs, no change can start or end one: the
 * follower then reads no change at all and only keeps its position at the feed's end (the end read
 * before the routes are looked at), so that a policy added later starts for the alerts opened after
 * it, and for none opened before.
 */
final class EscalationFollower {

  private final EscalationStore store;
  private final ChangeFeed feed;
  private final BooleanSupplier anyPolicy;
  private final Function<Alert, List<RoutePolicies.Started>> matching;
  private final Function<String, Optional<EscalationPolicy>> policies;
  private final InstantSource clock;

  /** How often a position that started and ended nothing is written at most. */
  static final Duration IDLE_WRITE = Duration.ofMinutes(10);

  /**
   * How often the store is asked whether escalations still run, while no route starts a policy:
   * until none does, the follower keeps reading the feed to end them.
   */
  static final Duration RUNNING_LOOK = Duration.ofSeconds(1);

  /** The position of the last change read, ahead of the stored one while nothing needed writing. */
  private long read;

  /** When the position was last written ({@link System#nanoTime}, wall time: it paces writes). */
  private long written = System.nanoTime();

  /**
   * How often the feed's end is read at most while idle: a commit wakes the job, and reading the
   * end on every wake would cost the store a read per commit. An alert opened within this time
   * before a route names a policy may still start it.
   */
  static final Duration IDLE_LOOK = Duration.ofMillis(100);

  /** Whether the last round skipped the feed: no route started a policy, none was running. */
  private boolean idle;

  /** When the feed's end was last read while idle ({@link System#nanoTime}). */
  private long idleLooked;

  /**
   * False once the store said no escalation runs, and as long as no route has started a policy
   * since (only this follower starts escalations, and only through such a route).
   */
  private boolean mayBeRunning = true;

  /** When the store was last asked whether escalations run ({@link System#nanoTime}). */
  private long runningLooked;

  private boolean runningLookedEver;

  EscalationFollower(
      EscalationStore store,
      ChangeFeed feed,
      BooleanSupplier anyPolicy,
      Function<Alert, List<RoutePolicies.Started>> matching,
      Function<String, Optional<EscalationPolicy>> policies,
      InstantSource clock) {
    this.store = store;
    this.feed = feed;
    this.anyPolicy = anyPolicy;
    this.matching = matching;
    this.policies = policies;
    this.clock = clock;
  }

  EscalationFollower(
      EscalationStore store,
      ChangeFeed feed,
      RoutePolicies routes,
      PolicyDirectory policies,
      InstantSource clock) {
    this(store, feed, routes::anyPolicy, routes::matching, policies::policy, clock);
  }

  /** A new installation starts at the feed's end: the alerts of the past escalate to nobody. */
  void startAtEndIfNew() {
    if (store.cursor() == 0) {
      store.follow(List.of(), List.of(), feed.lastPosition(), clock.instant());
    }
    read = store.cursor();
  }

  /** Whether the last round found nothing that could start or end an escalation. */
  boolean idle() {
    return idle;
  }

  /**
   * Follows up to {@code limit} changes; answers how many were read. Changes that start or end
   * nothing move only the position in memory, written with the next real change or every {@link
   * #IDLE_WRITE} (on SQLite each write is a turn of the one write lock the alert writer needs too);
   * after a restart those changes are read again, which starts and ends nothing twice.
   */
  int followOnce(int limit) {
    if (!anyPolicy.getAsBoolean() && !runningNow()) {
      long nanos = System.nanoTime();
      if (idle && nanos - idleLooked < IDLE_LOOK.toNanos()) {
        return 0;
      }
      // The feed's end before the routes: a change after it is read with the routes of then.
      long last = feed.lastPosition();
      if (!anyPolicy.getAsBoolean()) {
        idle = true;
        idleLooked = nanos;
        read = Math.max(read, last);
        if (nanos - written >= IDLE_WRITE.toNanos()) {
          store.follow(List.of(), List.of(), read, clock.instant());
          written = nanos;
        }
        return 0;
      }
    }
    mayBeRunning = true;
    if (idle) {
      // A route starts a policy now: what was skipped stays skipped across a restart, too.
      idle = false;
      store.follow(List.of(), List.of(), read, clock.instant());
      written = System.nanoTime();
    }
    return readChanges(limit);
  }

  /** Whether escalations may run, asking the store at most every {@link #RUNNING_LOOK}. */
  private boolean runningNow() {
    if (!mayBeRunning) {
      return false;
    }
    long nanos = System.nanoTime();
    if (!runningLookedEver || nanos - runningLooked >= RUNNING_LOOK.toNanos()) {
      runningLookedEver = true;
      runningLooked = nanos;
      mayBeRunning = store.anyRunning();
    }
    return mayBeRunning;
  }

  private int readChanges(int limit) {
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
          for (RoutePolicies.Started started : matching.apply(change.alert())) {
            Optional<EscalationPolicy> policy = policies.apply(started.policy());
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
