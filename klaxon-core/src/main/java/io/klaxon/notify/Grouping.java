package io.klaxon.notify;

import io.klaxon.alert.Alert;
import io.klaxon.problem.InvalidInput;
import io.klaxon.suppress.Labels;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How a route batches alerts: alerts equal in the {@code by} fields form one group; the first
 * notification of a group waits {@code groupWait} (to gather more alerts), later ones go at least
 * {@code interval} after the previous one and carry every change since. With no fields, each alert
 * is a group of its own.
 *
 * <p>Fields: {@code source}, {@code type}, {@code severity}, {@code fingerprint}, {@code
 * subject.type}, {@code subject.key}, {@code attributes.<name>}, {@code label.<name>} (a label as
 * matchers see it, {@link Labels#of}; an Alertmanager {@code group_by} label) and {@code ...}
 * (every label: Alertmanager's {@code group_by: ['...']}).
 */
public record Grouping(List<String> by, Duration groupWait, Duration interval) {

  private static final Set<String> FIELDS =
      Set.of("source", "type", "severity", "fingerprint", "subject.type", "subject.key");

  /** The field that groups by every label. */
  public static final String ALL_LABELS = "...";

  /** The field that puts every alert of the route in one group (Alertmanager's empty group_by). */
  public static final String ROUTE = "route";

  private static final String LABEL = "label.";
  private static final String ATTRIBUTE = "attributes.";

  /** Each alert alone, sent without waiting. */
  public static final Grouping NONE = new Grouping(List.of(), Duration.ZERO, Duration.ZERO);

  public Grouping {
    by = List.copyOf(by);
    for (int i = 0; i < by.size(); i++) {
      String field = by.get(i);
      if (!FIELDS.contains(field)
          && !field.equals(ALL_LABELS)
          && !field.equals(ROUTE)
          && !(field.startsWith(ATTRIBUTE) && field.length() > ATTRIBUTE.length())
          && !(field.startsWith(LABEL) && field.length() > LABEL.length())) {
        throw new InvalidInput(
            "groupBy[" + i + "]",
            "'"
                + field
                + "' is not one of "
                + FIELDS.stream().sorted().toList()
                + ", attributes.<name>, label.<name>, ... or route");
      }
    }
    if (groupWait.isNegative()) {
      throw new InvalidInput("groupWaitSeconds", "must not be negative");
    }
    if (interval.isNegative()) {
      throw new InvalidInput("groupIntervalSeconds", "must not be negative");
    }
  }

  /** The group of an alert within one route and receiver, as a stable text key. */
  public String key(Alert alert) {
    if (by.isEmpty()) {
      return "alert=" + alert.id();
    }
    StringBuilder key = new StringBuilder();
    for (String field : by) {
      if (!key.isEmpty()) {
        key.append('&');
      }
      key.append(field).append('=').append(value(alert, field));
    }
    return key.toString();
  }

  /**
   * The labels that make the group of a label set, as the route test shows them: each {@code
   * label.<name>} the set has with a value (every label for {@code ...}), and the other fields read
   * from the labels matchers would see ({@code subject.key} from {@code subjectKey}, {@code
   * attributes.<name>} from {@code <name>}). Sorted by name.
   */
  public Map<String, String> labels(Map<String, String> given) {
    Map<String, String> group = new TreeMap<>();
    for (String field : by) {
      if (field.equals(ALL_LABELS)) {
        given.forEach((name, value) -> put(group, name, value));
        continue;
      }
      if (field.equals(ROUTE)) {
        continue;
      }
      String name =
          switch (field) {
            case "subject.type" -> "subjectType";
            case "subject.key" -> "subjectKey";
            default ->
                field.startsWith(LABEL)
                    ? field.substring(LABEL.length())
                    : field.startsWith(ATTRIBUTE) ? field.substring(ATTRIBUTE.length()) : field;
          };
      put(group, name, given.get(name));
    }
    return group;
  }

  private static void put(Map<String, String> group, String name, @Nullable String value) {
    if (value != null && !value.isEmpty()) {
      group.put(name, value);
    }
  }

  private static String value(Alert alert, String field) {
    if (field.equals(ROUTE)) {
      return "";
    }
    if (field.equals(ALL_LABELS)) {
      // Every label but the status, which moves while the alert stays the same.
      Map<String, String> labels = new TreeMap<>(Labels.of(alert));
      labels.remove("status");
      return labels.toString();
    }
    if (field.startsWith(LABEL)) {
      return Labels.of(alert).getOrDefault(field.substring(LABEL.length()), "");
    }
    return switch (field) {
      case "source" -> alert.source();
      case "type" -> alert.type();
      case "severity" -> alert.severity().word();
      case "fingerprint" -> alert.fingerprint();
      case "subject.type" -> alert.subject() == null ? "" : alert.subject().type();
      case "subject.key" -> alert.subject() == null ? "" : alert.subject().key();
      default -> {
        Map<String, Object> attributes = alert.attributes();
        Object value = attributes.get(field.substring(ATTRIBUTE.length()));
        yield value == null ? "" : String.valueOf(value);
      }
    };
  }
}
