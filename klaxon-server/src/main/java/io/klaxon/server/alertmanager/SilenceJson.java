package io.klaxon.server.alertmanager;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.klaxon.problem.InvalidInput;
import io.klaxon.suppress.LabelMatcher;
import io.klaxon.suppress.MatchType;
import io.klaxon.suppress.Silence;
import io.klaxon.suppress.SilenceDraft;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Alertmanager's silence shapes: {@code postableSilence} read with its OpenAPI layer's refusals,
 * {@code gettableSilence} written. Its API knows one matcher set; a Klaxon silence with several
 * shows its first.
 */
final class SilenceJson {

  private SilenceJson() {}

  /** A matcher as Alertmanager writes one. */
  record Matcher(String name, String value, boolean isRegex, boolean isEqual) {
    static Matcher of(LabelMatcher matcher) {
      return new Matcher(
          matcher.name(), matcher.value(), matcher.type().isRegex(), matcher.type().isEqual());
    }
  }

  /** {@code silenceStatus}. */
  record Status(String state) {}

  /** {@code gettableSilence}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Gettable(
      String id,
      Status status,
      String updatedAt,
      List<Matcher> matchers,
      String startsAt,
      String endsAt,
      String createdBy,
      String comment) {

    static Gettable of(Silence silence, Instant now) {
      return new Gettable(
          silence.uuid(),
          new Status(silence.state(now).word()),
          GettableAlert.format(silence.updatedAt()),
          silence.matcherSets().getFirst().stream().map(Matcher::of).toList(),
          GettableAlert.format(silence.startsAt()),
          GettableAlert.format(silence.endsAt()),
          silence.createdBy(),
          silence.comment());
    }
  }

  /** A posted silence: its id when it updates one, and the draft. */
  record Posted(@Nullable String id, SilenceDraft draft) {}

  /**
   * Reads a {@code postableSilence}.
   *
   * @throws AlertmanagerError 400 for a body of the wrong shape, 422 for a missing field
   */
  static Posted read(JsonNode body) {
    if (!body.isObject()) {
      throw AlertmanagerError.malformed(parsing("the body must be a silence object"));
    }
    for (String field : List.of("matchers", "startsAt", "endsAt", "createdBy", "comment")) {
      if (!body.has(field) || body.get(field).isNull()) {
        throw AlertmanagerError.unprocessable(field + " in body is required");
      }
    }
    JsonNode matchers = body.get("matchers");
    if (!matchers.isArray()) {
      throw AlertmanagerError.malformed(parsing("matchers must be an array"));
    }
    if (matchers.isEmpty()) {
      throw AlertmanagerError.unprocessable("matchers in body should have at least 1 items");
    }
    List<LabelMatcher> set = new ArrayList<>();
    for (int i = 0; i < matchers.size(); i++) {
      set.add(matcher(matchers.get(i), i));
    }
    String id = text(body, "id");
    return new Posted(
        id == null || id.isEmpty() ? null : id,
        new SilenceDraft(
            List.of(set),
            time(body, "startsAt"),
            time(body, "endsAt"),
            text(body, "createdBy"),
            text(body, "comment")));
  }

  private static LabelMatcher matcher(JsonNode node, int index) {
    String where = "matchers." + index;
    for (String field : List.of("name", "value", "isRegex")) {
      if (!node.has(field) || node.get(field).isNull()) {
        throw AlertmanagerError.unprocessable(where + "." + field + " in body is required");
      }
    }
    if (!node.get("isRegex").isBoolean()
        || (node.has("isEqual") && !node.get("isEqual").isBoolean())) {
      throw AlertmanagerError.malformed(parsing(where + ": isRegex and isEqual are booleans"));
    }
    boolean equal = !node.has("isEqual") || node.get("isEqual").asBoolean();
    String name = String.valueOf(text(node, "name"));
    String value = String.valueOf(text(node, "value"));
    try {
      return LabelMatcher.of(
          where, name, MatchType.of(node.get("isRegex").asBoolean(), equal), value);
    } catch (InvalidInput e) {
      throw AlertmanagerError.badRequest(
          "invalid silence: invalid label matcher " + index + " in set 0: " + e.getMessage());
    }
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw AlertmanagerError.malformed(parsing(field + " must be a string"));
    }
    return value.asString();
  }

  private static Instant time(JsonNode body, String field) {
    String text = String.valueOf(text(body, field));
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw AlertmanagerError.malformed(
          parsing(field + " in body must be of type date-time: \"" + text + "\""));
    }
  }

  private static String parsing(String reason) {
    return "parsing silence body from \"\" failed, because " + reason;
  }
}
