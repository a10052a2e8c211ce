package io.klaxon.cluster;

import io.klaxon.alert.Alert;
import io.klaxon.engine.CommandResult;
import io.klaxon.engine.Outcome;
import io.klaxon.problem.Conflict;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.KlaxonException;
import io.klaxon.problem.NotFound;
import io.klaxon.problem.TransitionRefused;
import io.klaxon.problem.Unavailable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An owner's answer to a request from another instance, on the reply topic: {@code {"v": 1,
 * "request", "partition", "results": [{"outcome", "alertId"?, "refusal"?}]}}. The alert itself is
 * not sent: it is committed before the answer, so the requester reads it from the database.
 */
final class ResultCodec {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  /** A decoded answer: which request, which of its partitions, and the results there. */
  record Answer(String request, int partition, List<Map<String, Object>> results) {}

  private ResultCodec() {}

  static byte[] encode(String request, int partition, List<CommandResult> results) {
    List<Map<String, Object>> encoded = new ArrayList<>();
    for (CommandResult result : results) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("outcome", result.outcome().name());
      if (result.alert() != null) {
        one.put("alertId", result.alert().id());
      }
      if (result.refusal() != null) {
        one.put("refusal", refusal(result.refusal()));
      }
      encoded.add(one);
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("v", 1);
    value.put("request", request);
    value.put("partition", partition);
    value.put("results", encoded);
    return MAPPER.writeValueAsBytes(value);
  }

  @SuppressWarnings("unchecked")
  static Answer decode(byte[] value) {
    Fields read = Fields.of(MAPPER.readValue(value, OBJECT));
    return new Answer(
        read.text("request"),
        (int) read.id("partition"),
        (List<Map<String, Object>>) (List<?>) read.list("results"));
  }

  /** The results of an answer, their alerts read from the store by id, all in one read. */
  @SuppressWarnings("unchecked")
  static List<CommandResult> results(
      Answer answer, Function<Collection<Long>, Map<Long, Alert>> alerts) {
    Set<Long> ids = new HashSet<>();
    for (Map<String, Object> one : answer.results()) {
      if (one.get("alertId") instanceof Number id) {
        ids.add(id.longValue());
      }
    }
    Map<Long, Alert> read = ids.isEmpty() ? Map.of() : alerts.apply(ids);
    List<CommandResult> results = new ArrayList<>();
    for (Map<String, Object> one : answer.results()) {
      Alert alert = one.get("alertId") instanceof Number id ? read.get(id.longValue()) : null;
      KlaxonException refusal =
          one.get("refusal") instanceof Map<?, ?> r ? refusal((Map<String, Object>) r) : null;
      results.add(
          new CommandResult(Outcome.valueOf(Fields.of(one).text("outcome")), alert, refusal));
    }
    return results;
  }

  private static Map<String, Object> refusal(KlaxonException refusal) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("message", refusal.getMessage());
    switch (refusal) {
      case NotFound n -> {
        out.put("type", "not-found");
        out.put("kind", n.kind());
        out.put("id", n.id());
      }
      case TransitionRefused t -> {
        out.put("type", "transition-refused");
        out.put("alertId", t.alertId());
        out.put("currentStatus", t.currentStatus());
        out.put("transition", t.transition());
      }
      case InvalidInput i -> {
        out.put("type", "invalid-input");
        List<Map<String, String>> errors = new ArrayList<>();
        i.errors().forEach(e -> errors.add(Map.of("field", e.field(), "reason", e.reason())));
        out.put("errors", errors);
      }
      case Conflict c -> {
        out.put("type", "conflict");
        out.put("field", c.field());
      }
      case Unavailable u -> out.put("type", "unavailable");
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static KlaxonException refusal(Map<String, Object> in) {
    Fields fields = Fields.of(in);
    String message = String.valueOf(in.get("message"));
    return switch (String.valueOf(in.get("type"))) {
      case "not-found" -> new NotFound(fields.text("kind"), fields.value("id"));
      case "transition-refused" ->
          new TransitionRefused(
              fields.id("alertId"), fields.text("currentStatus"), fields.text("transition"));
      case "invalid-input" -> {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        for (Object e : fields.list("errors")) {
          Fields error = Fields.of(e);
          errors.add(new InvalidInput.FieldError(error.text("field"), error.text("reason")));
        }
        yield new InvalidInput(errors);
      }
      case "conflict" -> new Conflict(String.valueOf(in.get("field")), message);
      default -> new Unavailable(message);
    };
  }
}
