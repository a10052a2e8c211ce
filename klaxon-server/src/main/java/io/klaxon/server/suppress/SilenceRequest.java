package io.klaxon.server.suppress;

import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.InvalidInput.FieldError;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.Matchers;
import io.klaxon.suppress.SilenceDraft;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A silence as Klaxon's API takes it: {@code matchers} in Alertmanager's syntax ({@code
 * alertname="Disk",severity=~"high|critical"}) or several sets in {@code matcherSets}, times in
 * ISO-8601, {@code createdBy} defaulting to the caller.
 */
record SilenceRequest(
    @Nullable String matchers,
    @Nullable List<String> matcherSets,
    @Nullable String startsAt,
    @Nullable String endsAt,
    @Nullable String createdBy,
    @Nullable String comment) {

  /** Only the matchers, for a preview. @throws InvalidInput naming the field */
  List<List<LabelMatcher>> sets() {
    List<FieldError> faults = new ArrayList<>();
    List<List<LabelMatcher>> sets = sets(faults);
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    return sets;
  }

  /**
   * The draft this request asks for, every unreadable field named at once.
   *
   * @throws InvalidInput naming each field that cannot be read
   */
  SilenceDraft draft(String actor) {
    List<FieldError> faults = new ArrayList<>();
    List<List<LabelMatcher>> sets = sets(faults);
    Instant start = time("startsAt", startsAt, faults);
    Instant end = time("endsAt", endsAt, faults);
    if (!faults.isEmpty()) {
      throw new InvalidInput(faults);
    }
    return new SilenceDraft(sets, start, end, createdBy == null ? actor : createdBy, comment);
  }

  private List<List<LabelMatcher>> sets(List<FieldError> faults) {
    if (matchers != null && matcherSets != null) {
      faults.add(new FieldError("matchers", "give matchers or matcherSets, not both"));
      return List.of();
    }
    List<List<LabelMatcher>> sets = new ArrayList<>();
    List<String> texts = matchers != null ? List.of(matchers) : matcherSets;
    if (texts == null) {
      faults.add(new FieldError("matchers", "a silence needs matchers"));
      return sets;
    }
    for (int i = 0; i < texts.size(); i++) {
      String field = matchers != null ? "matchers" : "matcherSets[" + i + "]";
      try {
        sets.add(Matchers.parse(field, texts.get(i) == null ? "" : texts.get(i)));
      } catch (InvalidInput e) {
        faults.addAll(e.errors());
      }
    }
    return sets;
  }

  private static @Nullable Instant time(
      String field, @Nullable String text, List<FieldError> faults) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      faults.add(new FieldError(field, "'" + text + "' is not an ISO-8601 time"));
      return null;
    }
  }
}
