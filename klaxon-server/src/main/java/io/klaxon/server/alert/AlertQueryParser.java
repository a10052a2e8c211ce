package io.klaxon.server.alert;

import io.klaxon.alert.AlertQuery;
import io.klaxon.alert.AlertSort;
import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import io.klaxon.problem.Unchecked;
import io.klaxon.server.problem.FieldErrors;
import io.klaxon.server.problem.QueryParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * Reads the filters, order and page of an alert list from query parameters, naming every bad
 * parameter at once. Multi-value filters take repeated or comma-separated values.
 */
public final class AlertQueryParser {

  private static final List<String> KNOWN =
      List.of(
          "status",
          "severity",
          "type",
          "source",
          "subjectType",
          "subjectKey",
          "from",
          "to",
          "q",
          "suppressed",
          "sort",
          "limit",
          "offset");
  private static final String ATTRIBUTE_PREFIX = "attr.";

  private AlertQueryParser() {}

  /**
   * The query the parameters ask for.
   *
   * @throws io.klaxon.problem.InvalidInput naming each unknown or malformed parameter
   */
  public static AlertQuery parse(MultiValueMap<String, String> params) {
    FieldErrors errors = new FieldErrors();
    QueryParams read = new QueryParams(params, errors, KNOWN, ATTRIBUTE_PREFIX);
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
      }
    }
    var statuses = read.words("status", AlertStatus::parse);
    var severities = read.words("severity", Severity::parse);
    var types = read.words("type", Function.identity());
    var sources = read.words("source", Function.identity());
    var from = read.time("from");
    var to = read.time("to");
    String sortText = read.single("sort");
    AlertSort sort =
        sortText == null
            ? AlertSort.DETECTED_AT_DESC
            : errors.attempt("", () -> AlertSort.parse(sortText));
    int limit = read.limit();
    long offset = read.offset();
    String subjectType = read.single("subjectType");
    String subjectKey = read.single("subjectKey");
    String text = read.single("q");
    Boolean suppressed = read.bool("suppressed");
    errors.throwIfAny();
    AlertQuery query =
        errors.attempt(
            "",
            () ->
                new AlertQuery(
                    statuses,
                    severities,
                    types,
                    sources,
                    subjectType,
                    subjectKey,
                    from,
                    to,
                    text,
                    attributes,
                    suppressed,
                    Unchecked.input(sort),
                    limit,
                    offset));
    errors.throwIfAny();
    return Objects.requireNonNull(query); // throwIfAny() threw where there was none
  }
}
