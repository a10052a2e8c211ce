package io.klaxon.server.alert;

import io.klaxon.server.problem.FieldErrors;
import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads the filters, order and page of an alert list from query parameters, naming every bad
 * parameter at once. Multi-value filters take repeated or comma-separated values.
 */
final class AlertQueryParser {

  private static final Set<String> KNOWN =
      Set.of(
          "status", "severity", "type", "source", "subjectType", "subjectKey", "from", "to", "q",
          "sort", "limit", "offset");
  private static final String ATTRIBUTE_PREFIX = "attr.";

  private AlertQueryParser() {}

  /**
   * @throws io.klaxon.problem.InvalidInput naming each unknown or malformed parameter
   */
  static AlertQuery parse(MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> param : params.entrySet()) {
      String name = param.getKey();
      if (name.startsWith(ATTRIBUTE_PREFIX)) {
        String attribute = name.substring(ATTRIBUTE_PREFIX.length());
        if (attribute.isEmpty() || param.getValue().size() != 1) {
          errors.add(name, "give an attribute name and exactly one value: attr.NAME=VALUE");
        } else {
          attributes.put(attribute, param.getValue().getFirst());
        }
      } else if (!KNOWN.contains(name)) {
        errors.add(name, "unknown parameter; known: " + String.join(", ", KNOWN) + ", attr.NAME");
      }
    }
    Set<AlertStatus> statuses = words(params, "status", AlertStatus::parse, errors);
    Set<Severity> severities = words(params, "severity", Severity::parse, errors);
    Set<String> types = words(params, "type", Function.identity(), errors);
    Set<String> sources = words(params, "source", Function.identity(), errors);
    Instant from = time(params, "from", errors);
    Instant to = time(params, "to", errors);
    String sortText = single(params, "sort", errors);
    AlertSort sort =
        sortText == null ? AlertSort.DETECTED_AT_DESC : errors.attempt("", () -> AlertSort.parse(sortText));
    Long limit = number(params, "limit", errors);
    if (limit != null && (limit < 1 || limit > AlertQuery.MAX_LIMIT)) {
      errors.add("limit", "must be between 1 and " + AlertQuery.MAX_LIMIT + ", not " + limit);
    }
    Long offset = number(params, "offset", errors);
    if (offset != null && offset < 0) {
      errors.add("offset", "must not be negative");
    }
    String subjectType = single(params, "subjectType", errors);
    String subjectKey = single(params, "subjectKey", errors);
    String text = single(params, "q", errors);
    errors.throwIfAny();
    AlertQuery query =
        errors.attempt(
            "",
            () ->
                new AlertQuery(
                    statuses, severities, types, sources, subjectType, subjectKey, from, to,
                    text == null || text.isBlank() ? null : text, attributes, sort,
                    limit == null ? AlertQuery.DEFAULT_LIMIT : (int) Math.min(limit, Integer.MAX_VALUE),
                    offset == null ? 0 : offset));
    errors.throwIfAny();
    return query;
  }

  private static <T> Set<T> words(
      MultiValueMap<String, String> params,
      String name,
      Function<String, T> parser,
      FieldErrors errors) {
    Set<T> values = new LinkedHashSet<>();
    for (String raw : params.getOrDefault(name, List.of())) {
      for (String part : raw.split(",")) {
        if (part.isBlank()) {
          continue;
        }
        T value = errors.attempt("", () -> parser.apply(part.trim()));
        if (value != null) {
          values.add(value);
        }
      }
    }
    return values;
  }

  private static @Nullable String single(
      MultiValueMap<String, String> params, String name, FieldErrors errors) {
    List<String> values = params.getOrDefault(name, List.of());
    if (values.size() > 1) {
      errors.add(name, "give at most one value");
      return null;
    }
    return values.isEmpty() || values.getFirst().isBlank() ? null : values.getFirst().trim();
  }

  private static @Nullable Instant time(
      MultiValueMap<String, String> params, String name, FieldErrors errors) {
    String text = single(params, name, errors);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      errors.add(name, "'" + text + "' is not an ISO-8601 UTC time such as 2026-01-31T18:00:00Z");
      return null;
    }
  }

  private static @Nullable Long number(
      MultiValueMap<String, String> params, String name, FieldErrors errors) {
    String text = single(params, name, errors);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      errors.add(name, "'" + text + "' is not a whole number");
      return null;
    }
  }
}
