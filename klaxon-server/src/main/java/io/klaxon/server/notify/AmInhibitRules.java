package io.klaxon.server.notify;

import io.klaxon.suppress.InhibitRule;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.MatchType;
import io.klaxon.suppress.Matchers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an {@code alertmanager.yml}'s {@code inhibit_rules} into Klaxon inhibition rules named
 * {@code am.inhibit.0}, {@code am.inhibit.1}, … by their place: {@code source_matchers}, {@code
 * target_matchers} and {@code equal}, and the older {@code source_match}, {@code source_match_re},
 * {@code target_match} and {@code target_match_re}, which Alertmanager adds to the matchers.
 */
final class AmInhibitRules {

  /** The prefix of an imported rule's name. */
  static final String PREFIX = "am.inhibit.";

  private AmInhibitRules() {}

  static List<InhibitRule> read(AmNode root, AmReport report) {
    List<InhibitRule> rules = new ArrayList<>();
    List<AmNode> nodes = root.objects("inhibit_rules");
    for (int i = 0; i < nodes.size(); i++) {
      AmNode node = nodes.get(i);
      List<LabelMatcher> source = side(node, "source", report);
      List<LabelMatcher> target = side(node, "target", report);
      List<String> equal = node.texts("equal");
      node.rest();
      if (source.isEmpty()) {
        report.errors.add(
            node.path("source_matchers"),
            "Klaxon needs source matchers: a rule whose source is every alert is refused");
      }
      if (target.isEmpty()) {
        report.errors.add(
            node.path("target_matchers"),
            "Klaxon needs target matchers: a rule that inhibits every alert is refused");
      }
      if (source.isEmpty() || target.isEmpty()) {
        continue;
      }
      String name = PREFIX + i;
      InhibitRule rule =
          report.errors.attempt(
              node.path() + ".",
              () -> new InhibitRule(name, source, target, equal == null ? List.of() : equal));
      if (rule != null) {
        rules.add(rule);
      }
    }
    return rules;
  }

  /** Records a fault for each imported rule that would replace one of these made by hand. */
  static void refuseReplacing(List<InhibitRule> rules, List<String> handMade, AmReport report) {
    for (InhibitRule rule : rules) {
      if (handMade.contains(rule.name())) {
        report.errors.add(
            "inhibit_rules[" + rule.name().substring(PREFIX.length()) + "]",
            "would replace the inhibition rule '"
                + rule.name()
                + "' made by hand: rename or delete it first");
      }
    }
  }

  private static List<LabelMatcher> side(AmNode node, String side, AmReport report) {
    List<LabelMatcher> matchers = new ArrayList<>();
    legacy(node, side + "_match", MatchType.EQUAL, matchers, report);
    legacy(node, side + "_match_re", MatchType.REGEX, matchers, report);
    List<String> given = node.texts(side + "_matchers");
    for (int i = 0; given != null && i < given.size(); i++) {
      String field = node.path(side + "_matchers") + "[" + i + "]";
      String text = given.get(i);
      List<LabelMatcher> parsed = report.errors.attempt("", () -> Matchers.parse(field, text));
      if (parsed != null) {
        matchers.addAll(parsed);
      }
    }
    return matchers;
  }

  private static void legacy(
      AmNode node, String key, MatchType type, List<LabelMatcher> into, AmReport report) {
    Map<String, String> given = node.textMap(key);
    if (given == null) {
      return;
    }
    given.forEach(
        (label, value) -> {
          LabelMatcher matcher =
              report.errors.attempt(
                  "", () -> LabelMatcher.of(node.path(key) + "." + label, label, type, value));
          if (matcher != null) {
            into.add(matcher);
          }
        });
  }
}
