package io.klaxon.server.alertmanager;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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

  /**
   * Reads one alert from a parser that stands on its {@code START_OBJECT}, the way Prometheus sends
   * it and nothing else: {@code labels} and {@code annotations} objects of strings, RFC 3339 times,
   * a text {@code generatorURL}, each at most once, no other field, and no fault. Anything else
   * (including a name given twice, a null, a label with an empty value) gives null and leaves the
   * alert to {@link #read} on the JSON tree, which reads it leniently where Alertmanager is and
   * words every fault; a plain alert reads the same both ways. On null the parser is left anywhere.
   *
   * @throws tools.jackson.core.JacksonException when the JSON breaks off or is not JSON
   */
  static @Nullable PostedAlert readPlain(JsonParser parser) {
    Map<String, String> labels = null;
    Map<String, String> annotations = null;
    Instant startsAt = null;
    Instant endsAt = null;
    String generatorURL = null;
    int seen = 0;
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      int field =
          switch (name) {
            case "labels" -> 1;
            case "annotations" -> 2;
            case "startsAt" -> 4;
            case "endsAt" -> 8;
            case "generatorURL" -> 16;
            default -> 0;
          };
      if (field == 0 || (seen & field) != 0) {
        return null;
      }
      seen |= field;
      if (field == 1 || field == 2) {
        Map<String, String> values = plainStrings(parser, field == 1);
        if (values == null) {
          return null;
        }
        if (field == 1) {
          labels = values;
        } else {
          annotations = values;
        }
      } else if (parser.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      } else if (field == 16) {
        generatorURL = parser.getString();
      } else {
        Instant time;
        try {
          time = plainTime(parser.getString(), field == 4 ? STARTS_AT : ENDS_AT);
        } catch (DateTimeParseException e) {
          return null;
        }
        if (field == 4) {
          startsAt = time;
        } else {
          endsAt = time;
        }
      }
    }
    if (labels == null || labels.isEmpty()) {
      return null;
    }
    if (startsAt != null && endsAt != null && endsAt.isBefore(startsAt)) {
      return null;
    }
    return new PostedAlert(
        labels,
        annotations == null ? new TreeMap<>() : annotations,
        startsAt,
        endsAt,
        generatorURL,
        null);
  }

  /** An object of strings with non-empty names given once (and values, for labels), or null. */
  private static @Nullable Map<String, String> plainStrings(JsonParser parser, boolean labels) {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Map<String, String> values = new TreeMap<>();
    for (String name = parser.nextName(); name != null; name = parser.nextName()) {
      if (parser.nextToken() != JsonToken.VALUE_STRING || name.isEmpty()) {
        return null;
      }
      String value = parser.getString();
      if ((labels && value.isEmpty()) || values.put(name, value) != null) {
        return null;
      }
    }
    return values;
  }

  /** As {@link #time}: empty text and Go's zero time are no time. */
  private static @Nullable Instant plainTime(String text, TimeText conversion) {
    if (text.isEmpty()) {
      return null;
    }
    Instant time = conversion.parseRfc3339(text);
    return time.equals(GO_ZERO_TIME) ? null : time;
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
