package io.klaxon.notify;

import io.klaxon.alert.Alert;
import io.klaxon.problem.InvalidInput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a route batches alerts: alerts equal in the {@code by} fields form one group; the first
 * notification of a group waits {@code groupWait} (to gather more alerts), later ones go at least
 * {@code interval} after the previous one and carry every change since. With no fields, each alert
 * is a group of its own.
 *
 * <p>Fields: {@code source}, {@code type}, {@code severity}, {@code fingerprint}, {@code
 * subject.type}, {@code subject.key}, and {@code attributes.<name>}.
 */
public record Grouping(List<String> by, Duration groupWait, Duration interval) {

  private static final Set<String> FIELDS =
      Set.of("source", "type", "severity", "fingerprint", "subject.type", "subject.key");

  /** Each alert alone, sent without waiting. */
  public static final Grouping NONE = new Grouping(List.of(), Duration.ZERO, Duration.ZERO);

  public Grouping {
    by = List.copyOf(by);
    for (int i = 0; i < by.size(); i++) {
      String field = by.get(i);
      if (!FIELDS.contains(field)
          && !(field.startsWith("attributes.") && field.length() > "attributes.".length())) {
        throw new InvalidInput(
            "groupBy[" + i + "]",
            "'"
                + field
                + "' is not one of "
                + FIELDS.stream().sorted().toList()
                + " or attributes.<name>");
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

  private static String value(Alert alert, String field) {
    return switch (field) {
      case "source" -> alert.source();
      case "type" -> alert.type();
      case "severity" -> alert.severity().word();
      case "fingerprint" -> alert.fingerprint();
      case "subject.type" -> alert.subject() == null ? "" : alert.subject().type();
      case "subject.key" -> alert.subject() == null ? "" : alert.subject().key();
      default -> {
        Map<String, Object> attributes = alert.attributes();
        Object value = attributes.get(field.substring("attributes.".length()));
        yield value == null ? "" : String.valueOf(value);
      }
    };
  }
}
