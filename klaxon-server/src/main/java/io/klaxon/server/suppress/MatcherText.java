package io.klaxon.server.suppress;

import io.klaxon.server.problem.FieldErrors;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.Matchers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Matcher sets as the API takes and answers them: Alertmanager's text, one {@code {…}} per set. */
final class MatcherText {

  private MatcherText() {}

  /**
   * The sets of {@code matchers} (one set) or {@code matcherSets} (several), faults recorded under
   * those names.
   */
  static List<List<LabelMatcher>> sets(
      @Nullable String matchers, @Nullable List<String> matcherSets, FieldErrors errors) {
    if (matchers != null && matcherSets != null) {
      errors.add("matchers", "give matchers or matcherSets, not both");
      return List.of();
    }
    List<String> texts = matchers != null ? List.of(matchers) : matcherSets;
    if (texts == null) {
      errors.add("matchers", "is required");
      return List.of();
    }
    List<List<LabelMatcher>> sets = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      String field = matchers != null ? "matchers" : "matcherSets[" + i + "]";
      String text = texts.get(i) == null ? "" : texts.get(i);
      List<LabelMatcher> set = errors.attempt("", () -> Matchers.parse(field, text));
      sets.add(set == null ? List.of() : set);
    }
    return sets;
  }

  /** One set of matchers, required; faults recorded under {@code field}. */
  static List<LabelMatcher> set(String field, @Nullable String text, FieldErrors errors) {
    if (text == null || text.isBlank()) {
      errors.add(field, "is required");
      return List.of();
    }
    List<LabelMatcher> set = errors.attempt("", () -> Matchers.parse(field, text));
    return set == null ? List.of() : set;
  }

  /** The set as Alertmanager writes it: {@code {alertname="Disk",job=~"node|db"}}. */
  static String text(List<LabelMatcher> set) {
    return set.stream().map(LabelMatcher::toString).collect(Collectors.joining(",", "{", "}"));
  }
}
