package io.klaxon.suppress;

import io.klaxon.problem.NotFound;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Creates, updates and expires silences with Alertmanager's rules: an update that would rewrite
 * what a silence already did (other matchers, an active silence's start) expires the old silence
 * and creates a new one with a new id, so the record of what was silenced stays true.
 */
public final class SilenceBook {

  private final SilenceStore store;
  private final InstantSource clock;
  private final @Nullable Duration maxDuration;
  private final Consumer<Silence> changed;

  /**
   * @param maxDuration the longest a new or updated silence may last; null for no limit
   * @param changed told of every silence created, updated or expired, after it is stored
   */
  public SilenceBook(
      SilenceStore store,
      InstantSource clock,
      @Nullable Duration maxDuration,
      Consumer<Silence> changed) {
    this.store = store;
    this.clock = clock;
    this.maxDuration = maxDuration;
    this.changed = changed;
  }

  /**
   * Creates a silence.
   *
   * @throws io.klaxon.problem.InvalidInput naming every faulty field; nothing is stored
   */
  public Silence create(SilenceDraft draft) {
    Instant now = now();
    Silence silence = store.add(draft.toSilence(UUID.randomUUID().toString(), now, maxDuration));
    changed.accept(silence);
    return silence;
  }

  /**
   * Updates a silence in place where that keeps its record true, else expires it and creates a new
   * one, as Alertmanager does; answers the silence that now stands.
   *
   * @throws NotFound when there is no such silence
   * @throws io.klaxon.problem.InvalidInput naming every faulty field; nothing is stored
   */
  public Silence update(Silence previous, SilenceDraft draft) {
    Instant now = now();
    Silence next = draft.toSilence(previous.uuid(), now, maxDuration);
    if (canUpdate(previous, draft, next, now)) {
      Silence updated =
          new Silence(
              previous.id(),
              previous.uuid(),
              next.matcherSets(),
              draft.startsAt() == null ? previous.startsAt() : draft.startsAt(),
              next.endsAt(),
              next.createdBy(),
              next.comment(),
              now);
      store.update(updated);
      changed.accept(updated);
      return updated;
    }
    expire(previous);
    Silence created =
        store.add(
            new Silence(
                0,
                UUID.randomUUID().toString(),
                next.matcherSets(),
                next.startsAt(),
                next.endsAt(),
                next.createdBy(),
                next.comment(),
                now));
    changed.accept(created);
    return created;
  }

  /** Ends the silence now; an expired silence stays as it is. Answers the silence after. */
  public Silence expire(Silence silence) {
    Instant now = now();
    Silence expired =
        switch (silence.state(now)) {
          case EXPIRED -> silence;
          case ACTIVE -> silence.during(silence.startsAt(), now, now);
          case PENDING -> silence.during(now, now, now);
        };
    if (!expired.equals(silence)) {
      store.update(expired);
      changed.accept(expired);
    }
    return expired;
  }

  /** The silence with Klaxon's id. @throws NotFound when there is none */
  public Silence get(long id) {
    return store.find(id).orElseThrow(() -> new NotFound("silence", Long.toString(id)));
  }

  /** The silence with Alertmanager's id, if there is one. */
  public Optional<Silence> findByUuid(String uuid) {
    return store.findByUuid(uuid);
  }

  /** The silence with Alertmanager's id. @throws NotFound when there is none */
  public Silence getByUuid(String uuid) {
    return store.findByUuid(uuid).orElseThrow(() -> new NotFound("silence", uuid));
  }

  /**
   * The silences in the given states (all when empty), in Alertmanager's order: active ones ending
   * first, then pending ones starting first, then expired ones ended last first.
   */
  public List<Silence> list(Set<SilenceState> states) {
    Instant now = now();
    return store.all().stream()
        .filter(silence -> states.isEmpty() || states.contains(silence.state(now)))
        .sorted(order(now))
        .toList();
  }

  /** The silences in force now. */
  public List<Silence> active() {
    return list(Set.of(SilenceState.ACTIVE));
  }

  /** Now, to the microsecond that both databases keep. */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static Comparator<Silence> order(Instant now) {
    Comparator<Silence> byState = Comparator.comparingInt(silence -> rank(silence.state(now)));
    return byState.thenComparing(
        (a, b) ->
            switch (a.state(now)) {
              case ACTIVE -> a.endsAt().compareTo(b.endsAt());
              case PENDING -> a.startsAt().compareTo(b.startsAt());
              case EXPIRED -> b.endsAt().compareTo(a.endsAt());
            });
  }

  private static int rank(SilenceState state) {
    return switch (state) {
      case ACTIVE -> 0;
      case PENDING -> 1;
      case EXPIRED -> 2;
    };
  }

  private static boolean canUpdate(
      Silence previous, SilenceDraft draft, Silence next, Instant now) {
    if (!previous.matcherSets().equals(next.matcherSets())) {
      return false;
    }
    return switch (previous.state(now)) {
      case ACTIVE ->
          (draft.startsAt() == null
                  || draft.startsAt().getEpochSecond() == previous.startsAt().getEpochSecond())
              && !next.endsAt().isBefore(now);
      case PENDING -> draft.startsAt() == null || !draft.startsAt().isBefore(now);
      case EXPIRED -> false;
    };
  }
}
