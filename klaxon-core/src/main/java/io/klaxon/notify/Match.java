package io.klaxon.notify;

import io.klaxon.alert.Alert;
import io.klaxon.alert.Severity;
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
 */
public record Match(
    @Nullable Severity severity,
    Set<String> types,
    Set<String> sources,
    Set<String> subjectTypes,
    Map<String, String> attributes) {

  /** Accepts every alert. */
  public static final Match ANY = new Match(null, Set.of(), Set.of(), Set.of(), Map.of());

  public Match {
    types = Set.copyOf(types);
    sources = Set.copyOf(sources);
    subjectTypes = Set.copyOf(subjectTypes);
    attributes = Map.copyOf(attributes);
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
    return true;
  }
}
