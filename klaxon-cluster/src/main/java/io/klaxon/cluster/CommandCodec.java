package io.klaxon.cluster;

import io.klaxon.access.Actor;
import io.klaxon.alert.Severity;
import io.klaxon.alert.Subject;
import io.klaxon.alert.SuppressionKind;
import io.klaxon.alert.Suppressor;
import io.klaxon.alert.Transition;
import io.klaxon.engine.AlertCommand;
import io.klaxon.engine.AlertRef;
import io.klaxon.engine.AttributeMerge;
import io.klaxon.engine.StartedBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The value of a record on the command topic: a versioned JSON object {@code {"v": 1, "commands":
 * [...]}} holding the commands of one request for one partition, in order. Absent fields are left
 * out, so a re-trigger stays small. A reader refuses a version it does not know rather than guess.
 *
 * <p>Version 2 added what the owner judges as it applies a command: a change's {@code
 * onlyIfStartedBy}, a trigger's {@code startedAt} and attribute merge ({@code keepFirst}, {@code
 * keepEarliest}). A record is written as version 2 only when one of its changes carries a
 * condition, so that an instance of version 1, which would resolve unconditionally, skips such a
 * record instead. A trigger's start and merge stay in records of version 1: an earlier instance
 * reads past them and applies the trigger with the attributes as sent (a moved {@code receivedAt}
 * during a rolling upgrade), which is better than dropping every Alertmanager firing it owns.
 */
public final class CommandCodec {

  /** The newest version written; readers accept it and every older one. */
  public static final int VERSION = 2;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private CommandCodec() {}

  public static byte[] encode(List<? extends AlertCommand> commands) {
    List<Map<String, Object>> encoded = new ArrayList<>(commands.size());
    for (AlertCommand command : commands) {
      encoded.add(encode(command));
    }
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("v", commands.stream().anyMatch(CommandCodec::judgedByTheOwner) ? 2 : 1);
    value.put("commands", encoded);
    return MAPPER.writeValueAsBytes(value);
  }

  /**
   * The commands of one record.
   *
   * @throws IllegalArgumentException when the record is not one this version can read
   */
  public static List<AlertCommand> decode(byte[] value) {
    Map<String, Object> read = MAPPER.readValue(value, OBJECT);
    Object version = read.get("v");
    if (!(version instanceof Number v) || v.intValue() < 1 || v.intValue() > VERSION) {
      throw new IllegalArgumentException(
          "a command record of version " + version + ", this instance reads 1 to " + VERSION);
    }
    List<AlertCommand> commands = new ArrayList<>();
    for (Object command : Fields.of(read).list("commands")) {
      commands.add(decode(Fields.of(command)));
    }
    return commands;
  }

  private static Map<String, Object> encode(AlertCommand command) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (command) {
      case AlertCommand.Trigger t -> {
        out.put("kind", "trigger");
        out.put("fingerprint", t.fingerprint());
        out.put("source", t.source());
        out.put("type", t.type());
        out.put("severity", t.severity().word());
        out.put("title", t.title());
        putIfPresent(out, "message", t.message());
        if (t.subject() != null) {
          out.put("subject", encode(t.subject()));
        }
        putIfPresent(out, "value", t.value());
        putIfPresent(out, "threshold", t.threshold());
        putIfPresent(out, "changePercent", t.changePercent());
        if (!t.attributes().isEmpty()) {
          out.put("attributes", t.attributes());
        }
        putIfPresent(out, "occurredAt", text(t.occurredAt()));
        putIfPresent(out, "expiresAt", text(t.expiresAt()));
        putIfPresent(out, "previousValue", t.previousValue());
        putIfPresent(out, "startedAt", text(t.startedAt()));
        if (!t.merge().keepFirst().isEmpty()) {
          out.put("keepFirst", sorted(t.merge().keepFirst()));
        }
        if (!t.merge().keepEarliest().isEmpty()) {
          out.put("keepEarliest", sorted(t.merge().keepEarliest()));
        }
      }
      case AlertCommand.Change c -> {
        out.put("kind", "change");
        putRef(out, c.target());
        out.put("transition", c.transition().name());
        putIfPresent(out, "note", c.note());
        if (c.automatic()) {
          out.put("automatic", true);
        }
        StartedBy condition = c.onlyIfStartedBy();
        if (condition != null) {
          Map<String, Object> startedBy = new LinkedHashMap<>();
          startedBy.put("at", condition.at().toString());
          putIfPresent(startedBy, "attribute", condition.attribute());
          out.put("onlyIfStartedBy", startedBy);
        }
      }
      case AlertCommand.Suppress s -> {
        out.put("kind", "suppress");
        out.put("alertId", s.alertId());
        List<Map<String, Object>> by = new ArrayList<>();
        for (Suppressor suppressor : s.suppressedBy()) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("kind", suppressor.kind().word());
          one.put("id", suppressor.id());
          putIfPresent(one, "until", text(suppressor.until()));
          by.add(one);
        }
        out.put("suppressedBy", by);
      }
      case AlertCommand.Note n -> {
        out.put("kind", "note");
        putRef(out, n.target());
        out.put("text", n.text());
      }
      case AlertCommand.Purge p -> {
        out.put("kind", "purge");
        out.put("subjectType", p.subjectType());
        out.put("subjectKey", p.subjectKey());
      }
      case AlertCommand.Delete d -> {
        out.put("kind", "delete");
        out.put("alertId", d.alertId());
      }
    }
    out.put("actor", command.actor().name());
    return out;
  }

  private static AlertCommand decode(Fields in) {
    Actor actor = Actor.of(in.text("actor"));
    return switch (in.text("kind")) {
      case "trigger" ->
          new AlertCommand.Trigger(
              in.text("fingerprint"),
              in.text("source"),
              in.text("type"),
              Severity.parse(in.text("severity")),
              in.text("title"),
              in.optionalText("message"),
              in.has("subject") ? subject(in.object("subject")) : null,
              in.number("value"),
              in.number("threshold"),
              in.number("changePercent"),
              in.has("attributes") ? in.object("attributes").values() : Map.of(),
              in.instant("occurredAt"),
              in.instant("expiresAt"),
              actor,
              in.number("previousValue"),
              in.instant("startedAt"),
              merge(in));
      case "change" ->
          new AlertCommand.Change(
              ref(in),
              Transition.valueOf(in.text("transition")),
              actor,
              in.optionalText("note"),
              in.has("automatic"),
              in.has("onlyIfStartedBy") ? startedBy(in.object("onlyIfStartedBy")) : null);
      case "suppress" -> {
        List<Suppressor> by = new ArrayList<>();
        for (Object one : in.list("suppressedBy")) {
          Fields s = Fields.of(one);
          by.add(
              new Suppressor(
                  SuppressionKind.parse(s.text("kind")), s.text("id"), s.instant("until")));
        }
        yield new AlertCommand.Suppress(in.id("alertId"), by, actor);
      }
      case "note" -> new AlertCommand.Note(ref(in), in.text("text"), actor);
      case "purge" -> new AlertCommand.Purge(in.text("subjectType"), in.text("subjectKey"), actor);
      case "delete" -> new AlertCommand.Delete(in.id("alertId"), actor);
      default -> throw new IllegalArgumentException("unknown command kind " + in.text("kind"));
    };
  }

  /** Whether a reader of version 1 would apply the command against its meaning. */
  private static boolean judgedByTheOwner(AlertCommand command) {
    return command instanceof AlertCommand.Change change && change.onlyIfStartedBy() != null;
  }

  private static AttributeMerge merge(Fields in) {
    Set<String> keepFirst = names(in.list("keepFirst"));
    Set<String> keepEarliest = names(in.list("keepEarliest"));
    return keepFirst.isEmpty() && keepEarliest.isEmpty()
        ? AttributeMerge.NONE
        : new AttributeMerge(keepFirst, keepEarliest);
  }

  private static StartedBy startedBy(Fields in) {
    Instant at = in.instant("at");
    if (at == null) {
      throw new IllegalArgumentException("a cluster record's onlyIfStartedBy lacks at");
    }
    return new StartedBy(at, in.optionalText("attribute"));
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }

  private static Set<String> names(List<?> list) {
    Set<String> names = new LinkedHashSet<>();
    for (Object name : list) {
      names.add(String.valueOf(name));
    }
    return names;
  }

  private static Map<String, Object> encode(Subject subject) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("type", subject.type());
    out.put("key", subject.key());
    out.put("name", subject.name());
    putIfPresent(out, "startsAt", text(subject.startsAt()));
    if (!subject.attributes().isEmpty()) {
      out.put("attributes", subject.attributes());
    }
    return out;
  }

  private static Subject subject(Fields in) {
    return new Subject(
        in.text("type"),
        in.text("key"),
        in.text("name"),
        in.instant("startsAt"),
        in.has("attributes") ? in.object("attributes").values() : Map.of());
  }

  private static void putRef(Map<String, Object> out, AlertRef ref) {
    switch (ref) {
      case AlertRef.ById byId -> out.put("alertId", byId.id());
      case AlertRef.ByFingerprint byFingerprint ->
          out.put("fingerprint", byFingerprint.fingerprint());
    }
  }

  private static AlertRef ref(Fields in) {
    return in.has("alertId")
        ? AlertRef.id(in.id("alertId"))
        : AlertRef.fingerprint(in.text("fingerprint"));
  }

  private static void putIfPresent(Map<String, Object> out, String name, @Nullable Object value) {
    if (value != null) {
      out.put(name, value);
    }
  }

  private static @Nullable String text(@Nullable Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
