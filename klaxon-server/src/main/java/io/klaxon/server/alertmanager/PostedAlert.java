package io.klaxon.server.alertmanager;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One alert as Prometheus posts it ({@code postableAlert}) or as an Alertmanager's webhook carries
 * it, read leniently where Alertmanager is (unknown fields are ignored, labels with an empty value
 * are dropped, Go's zero time means "not given") and strictly where it is not.
 *
 * @param labels the label set, sorted by name, never empty
 * @param firing the webhook's {@code status}: true for firing, false for resolved; null when the
 *     alert came through the API, where {@code endsAt} decides
 */
record PostedAlert(
    Map<String, String> labels,
    Map<String, String> annotations,
    @Nullable Instant startsAt,
    @Nullable Instant endsAt,
    @Nullable String generatorURL,
    @Nullable Boolean firing) {

  /**
   * What is wrong with one part of a body.
   *
   * @param malformed true when the JSON does not have the expected shape (Alertmanager answers
   *     those from its OpenAPI layer), false when it breaks an alert's rules
   */
  record Fault(String field, String reason, boolean malformed) {}

  /** Go's zero {@code time.Time}, which Go clients send for a time they do not have. */
  private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  /** Remembered parses, one per field: see {@link TimeText}. */
  private static final TimeText STARTS_AT = new TimeText();

  private static final TimeText ENDS_AT = new TimeText();

  /**
   * Reads one alert; faults are added under {@code path} (such as {@code [2].}).
   *
   * @param webhook whether to read the webhook's {@code status} as well
   * @return the alert, or null when it has faults
   */
  static @Nullable PostedAlert read(
      JsonNode item, String path, boolean webhook, List<Fault> faults) {
    int before = faults.size();
    if (!item.isObject()) {
      faults.add(new Fault(path.isEmpty() ? "body" : path, "must be an alert object", true));
      return null;
    }
    Map<String, String> labels = strings(item.get("labels"), path + "labels", faults);
    Map<String, String> annotations =
        strings(item.get("annotations"), path + "annotations", faults);
    Instant startsAt = time(item.get("startsAt"), STARTS_AT, path + "startsAt", faults);
    Instant endsAt = time(item.get("endsAt"), ENDS_AT, path + "endsAt", faults);
    String generatorURL = text(item.get("generatorURL"), path + "generatorURL", faults);
    Boolean firing = webhook ? status(item.get("status"), path + "status", faults) : null;
    labels.values().removeIf(String::isEmpty); // as Alertmanager: an empty label is no label
    if (labels.containsKey("")) {
      faults.add(new Fault(path + "labels", "invalid label set: invalid name \"\"", false));
    }
    if (annotations.containsKey("")) {
      faults.add(new Fault(path + "annotations", "invalid annotations: invalid name \"\"", false));
    }
    if (labels.isEmpty() && faults.size() == before) {
      faults.add(new Fault(path + "labels", "at least one label pair required", false));
    }
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      faults.add(new Fault(path + "endsAt", "start time must be before end time", false));
    }
    if (faults.size() > before) {
      return null;
    }
    return new PostedAlert(labels, annotations, startsAt, endsAt, generatorURL, firing);
  }

  private static Map<String, String> strings(
      @Nullable JsonNode node, String field, List<Fault> faults) {
    Map<String, String> values = new TreeMap<>();
    if (node == null || node.isNull()) {
      return values;
    }
    if (!node.isObject()) {
      faults.add(new Fault(field, "must be an object of strings", true));
      return values;
    }
    for (Map.Entry<String, JsonNode> entry : node.properties()) {
      if (entry.getValue().isString()) {
        values.put(entry.getKey(), entry.getValue().asString());
      } else {
        faults.add(new Fault(field + "." + entry.getKey(), "must be a string", true));
      }
    }
    return values;
  }

  private static @Nullable String text(@Nullable JsonNode node, String field, List<Fault> faults) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      faults.add(new Fault(field, "must be a string", true));
      return null;
    }
    return node.asString();
  }

  private static @Nullable Instant time(
      @Nullable JsonNode node, TimeText conversion, String field, List<Fault> faults) {
    String text = text(node, field, faults);
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      Instant time = conversion.parseRfc3339(text);
      return time.equals(GO_ZERO_TIME) ? null : time;
    } catch (DateTimeParseException e) {
      faults.add(new Fault(field, "'" + text + "' is not an RFC 3339 time", true));
      return null;
    }
  }

  private static @Nullable Boolean status(
      @Nullable JsonNode node, String field, List<Fault> faults) {
    if (node == null || node.isNull()) {
      faults.add(new Fault(field, "is required: firing or resolved", false));
      return null;
    }
    String text = text(node, field, faults);
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "firing" -> true;
      case "resolved" -> false;
      default -> {
        faults.add(new Fault(field, "must be firing or resolved, not '" + text + "'", false));
        yield null;
      }
    };
  }
}
