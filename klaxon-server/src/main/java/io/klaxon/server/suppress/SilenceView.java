package io.klaxon.server.suppress;

import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.Silence;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A silence as Klaxon's API answers it; {@code matchers} is its first matcher set. */
record SilenceView(
    long id,
    String uuid,
    String state,
    String matchers,
    List<String> matcherSets,
    Instant startsAt,
    Instant endsAt,
    String createdBy,
    String comment,
    Instant updatedAt) {

  static SilenceView of(Silence silence, Instant now) {
    List<String> sets = silence.matcherSets().stream().map(SilenceView::text).toList();
    return new SilenceView(
        silence.id(),
        silence.uuid(),
        silence.state(now).word(),
        sets.getFirst(),
        sets,
        silence.startsAt(),
        silence.endsAt(),
        silence.createdBy(),
        silence.comment(),
        silence.updatedAt());
  }

  static String text(List<LabelMatcher> set) {
    return set.stream().map(LabelMatcher::toString).collect(Collectors.joining(",", "{", "}"));
  }
}
