package io.klaxon.notify;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
import io.klaxon.problem.InvalidInput;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.Labels;
import io.klaxon.suppress.Matchers;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which alerts a route takes. Every condition given must hold; an empty set or map, or a null
 * severity, accepts anything.
 *
 * @param severity the least severity accepted
 * @param types alert types accepted
 * @param sources producers accepted
 * @param subjectTypes subject types accepted (an alert without a subject matches none)
 * @param attributes attribute values required, compared as text
 * @param labels Alertmanager matchers every one of which the alert's labels must pass ({@link
 *     Labels#of}); in Alertmanager's order
 */
public record Match(
    @Nullable Severity severity,
    Set<String> types,
    Set<String> sources,
    Set<String> subjectTypes,
    Map<String, String> attributes,
    List<LabelMatcher> labels) {

  /** Accepts every alert. */
  public static final Match ANY = new Match(null, Set.of(), Set.of(), Set.of(), Map.of());

  public Match {
    types = Set.copyOf(types);
    sources = Set.copyOf(sources);
    subjectTypes = Set.copyOf(subjectTypes);
    attributes = Map.copyOf(attributes);
    labels = List.copyOf(labels);
  }

  /** A match without label matchers. */
  public Match(
      @Nullable Severity severity,
      Set<String> types,
      Set<String> sources,
      Set<String> subjectTypes,
      Map<String, String> attributes) {
    this(severity, types, sources, subjectTypes, attributes, List.of());
  }

  /** Only label matchers: what an Alertmanager route has. */
  public static Match ofLabels(List<LabelMatcher> labels) {
    return new Match(null, Set.of(), Set.of(), Set.of(), Map.of(), labels);
  }

  /**
   * Whether a label set passes, as the route test asks: the label matchers see the labels as given,
   * and the other conditions read the labels matchers would see for an alert ({@code severity},
   * {@code type}, {@code source}, {@code subjectType}, attributes by name).
   */
  public boolean matches(Map<String, String> given) {
    if (severity != null) {
      Severity actual;
      try {
        actual = Severity.parse(given.getOrDefault("severity", ""));
      } catch (InvalidInput e) {
        return false;
      }
      if (actual.rank() < severity.rank()) {
        return false;
      }
    }
    if (!types.isEmpty() && !types.contains(given.get("type"))) {
      return false;
    }
    if (!sources.isEmpty() && !sources.contains(given.get("source"))) {
      return false;
    }
    if (!subjectTypes.isEmpty() && !subjectTypes.contains(given.get("subjectType"))) {
      return false;
    }
    for (Map.Entry<String, String> wanted : attributes.entrySet()) {
      if (!wanted.getValue().equals(given.get(wanted.getKey()))) {
        return false;
      }
    }
    return Matchers.all(labels, given);
  }

  public boolean matches(Alert alert) {
    if (severity != null && alert.severity().rank() < severity.rank()) {
      return false;
    }
    if (!types.isEmpty() && !types.contains(alert.type())) {
      return false;
    }
    if (!sources.isEmpty() && !sources.contains(alert.source())) {
      return false;
    }
    if (!subjectTypes.isEmpty()
        && (alert.subject() == null || !subjectTypes.contains(alert.subject().type()))) {
      return false;
    }
    for (Map.Entry<String, String> wanted : attributes.entrySet()) {
      Object value = alert.attributes().get(wanted.getKey());
      if (value == null || !Objects.equals(String.valueOf(value), wanted.getValue())) {
        return false;
      }
    }
    return labels.isEmpty() || Matchers.all(labels, Labels.of(alert));
  }
}
