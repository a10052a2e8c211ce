package io.klaxon.suppress;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A silence as someone asks for it, before it is checked: a start that may be left out (now), an
 * end, who and why.
 */
public record SilenceDraft(
    List<List<LabelMatcher>> matcherSets,
    @Nullable Instant startsAt,
    @Nullable Instant endsAt,
    @Nullable String createdBy,
    @Nullable String comment) {

  public SilenceDraft {
    matcherSets = matcherSets.stream().map(List::copyOf).toList();
  }

  /**
   * The faults of this draft, all of them, with Alertmanager's rules: at least one matcher set,
   * none empty, each with a matcher that does not match the empty string (a set that would match
   * every alert), an end after the start and not in the past, and at most {@code maxDuration} long.
   */
  public List<FieldError> faults(Instant now, @Nullable Duration maxDuration) {
    List<FieldError> faults = new ArrayList<>();
    if (matcherSets.isEmpty()) {
      faults.add(new FieldError("matchers", "at least one matcher is required"));
    }
    for (int i = 0; i < matcherSets.size(); i++) {
      List<LabelMatcher> set = matcherSets.get(i);
      String field = matcherSets.size() == 1 ? "matchers" : "matcherSets[" + i + "]";
      if (set.isEmpty()) {
        faults.add(new FieldError(field, "a matcher set needs at least one matcher"));
      } else if (set.stream().allMatch(matcher -> matcher.matchesValue(""))) {
        faults.add(new FieldError(field, "at least one matcher must not match the empty string"));
      }
    }
    if (createdBy == null || createdBy.isBlank()) {
      faults.add(new FieldError("createdBy", "say who creates the silence"));
    }
    if (comment == null || comment.isBlank()) {
      faults.add(new FieldError("comment", "say why the alerts are silenced"));
    }
    Instant start = startsAt == null ? now : startsAt;
    if (endsAt == null) {
      faults.add(new FieldError("endsAt", "a silence needs an end"));
    } else if (!endsAt.isAfter(start)) {
      faults.add(new FieldError("endsAt", "start time must be before end time"));
    } else if (endsAt.isBefore(now)) {
      faults.add(new FieldError("endsAt", "end time can't be in the past"));
    } else if (maxDuration != null
        && Duration.between(start.isBefore(now) ? now : start, endsAt).compareTo(maxDuration) > 0) {
      faults.add(
          new FieldError("endsAt", "a silence may last at most " + maxDuration + " (settings)"));
    }
    return faults;
  }

  /**
   * The silence this draft makes, new at {@code now}: a start in the past becomes now, as
   * Alertmanager does.
   *
   * @throws InvalidInput with every fault of {@link #faults}
   */
  public Silence toSilence(String uuid, Instant now, @Nullable Duration maxDuration) {
    List<FieldError> faults = faults(now, maxDuration);
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    Instant start = startsAt == null || startsAt.isBefore(now) ? now : startsAt;
    return new Silence(
        0,
        uuid,
        matcherSets,
        start,
        requireEnd(),
        Objects.requireNonNullElse(createdBy, ""),
        Objects.requireNonNullElse(comment, ""),
        now);
  }

  private Instant requireEnd() {
    if (endsAt == null) {
      throw new IllegalStateException("checked by faults()");
    }
    return endsAt;
  }
}
