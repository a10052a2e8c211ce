package io.klaxon.suppress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A silence: alerts matching any of its matcher sets are suppressed from {@code startsAt} until
 * {@code endsAt}. Alertmanager's clients know it by {@code uuid}, Klaxon's API by {@code id}.
 *
 * @param id Klaxon's number, 0 before the store assigns one
 * @param uuid the identity Alertmanager's API answers, a random UUID
 * @param matcherSets one or more sets; an alert matches the silence when it passes every matcher of
 *     at least one set
 */
public record Silence(
    long id,
    String uuid,
    List<List<LabelMatcher>> matcherSets,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    Instant updatedAt) {

  public Silence {
    matcherSets = matcherSets.stream().map(List::copyOf).toList();
  }

  /** Pending before it starts, active until it ends, expired from {@code endsAt} on. */
  public SilenceState state(Instant now) {
    if (now.isBefore(startsAt)) {
      return SilenceState.PENDING;
    }
    return now.isBefore(endsAt) ? SilenceState.ACTIVE : SilenceState.EXPIRED;
  }

  /** Whether the label set passes every matcher of at least one set (state is not looked at). */
  public boolean matches(Map<String, String> labels) {
    for (List<LabelMatcher> set : matcherSets) {
      if (Matchers.all(set, labels)) {
        return true;
      }
    }
    return false;
  }

  /** The same silence with the store's id. */
  public Silence withId(long newId) {
    return new Silence(newId, uuid, matcherSets, startsAt, endsAt, createdBy, comment, updatedAt);
  }

  /** The same silence over another span, changed at {@code at}. */
  public Silence during(Instant newStartsAt, Instant newEndsAt, Instant at) {
    return new Silence(id, uuid, matcherSets, newStartsAt, newEndsAt, createdBy, comment, at);
  }
}
