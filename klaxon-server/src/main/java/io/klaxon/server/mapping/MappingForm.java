package io.klaxon.server.mapping;

import io.klaxon.mapping.MarketMapping;
import io.klaxon.mapping.OutcomeMapping;
import io.klaxon.problem.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The mapping form as typed: source ids one per line as {@code source=marketId}, outcomes one per
 * line as {@code canonical: source=name, source=name}. Reading it names each line it cannot read.
 */
public record MappingForm(
    String canonicalId,
    String name,
    String sourceIds,
    String outcomes,
    String priority,
    String reason) {

  static MappingForm empty() {
    return new MappingForm("", "", "", "", "0", "");
  }

  static MappingForm of(
      @Nullable String canonicalId,
      @Nullable String name,
      @Nullable String sourceIds,
      @Nullable String outcomes,
      @Nullable String priority,
      @Nullable String reason) {
    return new MappingForm(
        text(canonicalId),
        text(name),
        text(sourceIds),
        text(outcomes),
        priority == null || priority.isBlank() ? "0" : priority.strip(),
        text(reason));
  }

  static MappingForm of(MarketMapping mapping) {
    String ids =
        mapping.sourceIds().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n"));
    String outcomes =
        mapping.outcomeMapping().stream()
            .map(
                o ->
                    o.canonical()
                        + ": "
                        + o.sources().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(", ")))
            .collect(Collectors.joining("\n"));
    return new MappingForm(
        mapping.canonicalId(),
        mapping.name(),
        ids,
        outcomes,
        Integer.toString(mapping.priority()),
        "");
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value.strip();
  }

  /** The source ids, or a refusal naming {@code sourceIds} with the line. */
  Map<String, String> sourceIdMap(List<InvalidInput.FieldError> errors) {
    Map<String, String> ids = new LinkedHashMap<>();
    int n = 0;
    for (String line : sourceIds.split("\\R", -1)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        errors.add(
            new InvalidInput.FieldError("sourceIds", "line " + n + ": write source=marketId"));
        continue;
      }
      ids.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return ids;
  }

  /** The outcomes, or a refusal naming {@code outcomeMapping} with the line. */
  List<OutcomeMapping> outcomeList(List<InvalidInput.FieldError> errors) {
    List<OutcomeMapping> list = new ArrayList<>();
    int n = 0;
    for (String line : outcomes.split("\\R", -1)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      String canonical = colon < 0 ? line.strip() : line.substring(0, colon).strip();
      Map<String, String> sources = new LinkedHashMap<>();
      if (colon >= 0) {
        for (String part : line.substring(colon + 1).split(",", -1)) {
          if (part.isBlank()) {
            continue;
          }
          int eq = part.indexOf('=');
          if (eq <= 0) {
            errors.add(
                new InvalidInput.FieldError(
                    "outcomeMapping", "line " + n + ": write canonical: source=name, source=name"));
            continue;
          }
          sources.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
      }
      list.add(new OutcomeMapping(canonical, sources));
    }
    return list;
  }

  /** The priority, or a refusal naming it. */
  @Nullable Integer priorityNumber(List<InvalidInput.FieldError> errors) {
    try {
      return Integer.valueOf(priority.strip());
    } catch (NumberFormatException e) {
      errors.add(new InvalidInput.FieldError("priority", "must be a whole number"));
      return null;
    }
  }
}
