package io.klaxon.server.suppress;

import io.klaxon.server.problem.FieldErrors;
import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.LabelMatcher;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An inhibition rule as the API and the configuration file give and answer it: {@code
 * sourceMatchers} and {@code targetMatchers} in Alertmanager's matcher syntax, and the {@code
 * equal} label names.
 */
public record InhibitRuleBody(
    @Nullable String name,
    @Nullable String sourceMatchers,
    @Nullable String targetMatchers,
    @Nullable List<String> equal) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  /** The body of a stored rule. */
  public static InhibitRuleBody of(InhibitRule rule) {
    return new InhibitRuleBody(
        rule.name(),
        MatcherText.text(rule.source()),
        MatcherText.text(rule.target()),
        rule.equal());
  }

  /** The same body under another name. */
  InhibitRuleBody named(String newName) {
    return new InhibitRuleBody(newName, sourceMatchers, targetMatchers, equal);
  }

  /**
   * The rule, or null with its faults recorded under {@code prefix}: a name of letters, digits,
   * {@code .}, {@code _} and {@code -}; matchers that parse, each side with at least one; label
   * names in {@code equal}.
   */
  public @Nullable InhibitRule toRule(String prefix, FieldErrors errors) {
    FieldErrors own = new FieldErrors();
    if (name == null || !NAME.matcher(name).matches()) {
      own.add("name", "a name of letters, digits, '.', '_' and '-', at most 128 characters");
    }
    List<LabelMatcher> source = MatcherText.set("sourceMatchers", sourceMatchers, own);
    List<LabelMatcher> target = MatcherText.set("targetMatchers", targetMatchers, own);
    List<String> labels = equal == null ? List.of() : equal;
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i) == null || labels.get(i).isBlank()) {
        own.add("equal[" + i + "]", "a label name is required");
      }
    }
    InhibitRule rule =
        own.isEmpty()
            ? own.attempt("", () -> new InhibitRule(String.valueOf(name), source, target, labels))
            : null;
    errors.attempt(
        prefix,
        () -> {
          own.throwIfAny();
          return Boolean.TRUE;
        });
    return rule;
  }
}
