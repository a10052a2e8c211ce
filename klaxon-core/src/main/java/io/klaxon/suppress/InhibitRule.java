package io.klaxon.suppress;

import io.klaxon.problem.InvalidInput;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An inhibition rule with Alertmanager's semantics: an active alert matching the {@code target}
 * matchers is suppressed while another active alert matches the {@code source} matchers and has the
 * same values (a missing label reads as empty) for every label in {@code equal}.
 *
 * @param name identifies the rule in what an alert shows as suppressing it
 */
public record InhibitRule(
    String name, List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {

  public InhibitRule {
    if (name.isBlank()) {
      throw new InvalidInput("name", "an inhibition rule needs a name");
    }
    if (source.isEmpty()) {
      throw new InvalidInput("sourceMatchers", "an inhibition rule needs source matchers");
    }
    if (target.isEmpty()) {
      throw new InvalidInput("targetMatchers", "an inhibition rule needs target matchers");
    }
    source = List.copyOf(source);
    target = List.copyOf(target);
    equal = List.copyOf(equal);
  }

  /** Whether the rule applies to an alert with these labels at all. */
  public boolean targets(Map<String, String> labels) {
    return Matchers.all(target, labels);
  }

  /**
   * Whether {@code sourceLabels}, of another active alert, inhibit {@code targetLabels}. As in
   * Alertmanager, when the target also matches the source matchers, sources that also match the
   * target matchers do not count: two alerts matching both sides never inhibit each other.
   */
  public boolean inhibits(Map<String, String> sourceLabels, Map<String, String> targetLabels) {
    if (!Matchers.all(source, sourceLabels) || !targets(targetLabels)) {
      return false;
    }
    if (Matchers.all(source, targetLabels) && Matchers.all(target, sourceLabels)) {
      return false;
    }
    for (String label : equal) {
      if (!Objects.equals(
          sourceLabels.getOrDefault(label, ""), targetLabels.getOrDefault(label, ""))) {
        return false;
      }
    }
    return true;
  }
}
