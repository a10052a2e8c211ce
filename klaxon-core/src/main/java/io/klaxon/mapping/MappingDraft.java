package io.klaxon.mapping;

import io.klaxon.problem.InvalidInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a person says a mapping is: its content without identity, state or timestamps. Always valid
 * and normalized: text stripped, source names lowercase, maps sorted by source.
 *
 * @param sourceIds source name to the market id the source uses; at most one id per source
 */
public record MappingDraft(
    String canonicalId,
    String name,
    Map<String, String> sourceIds,
    List<OutcomeMapping> outcomeMapping,
    int priority) {

  /**
   * @throws InvalidInput naming every bad field, as in the API ({@code sourceIds.sportybet}, {@code
   *     outcomeMapping[2].canonical})
   */
  public MappingDraft {
    Checks checks = new Checks();
    canonicalId = checks.required("canonicalId", canonicalId, MappingLimits.CANONICAL_ID);
    name = checks.required("name", name, MappingLimits.NAME);
    sourceIds = sourceMap(checks, "sourceIds", sourceIds, MappingLimits.EXTERNAL_ID);
    if (sourceIds.size() > MappingLimits.MAX_SOURCES) {
      checks.add("sourceIds", "at most " + MappingLimits.MAX_SOURCES + " sources");
    }
    outcomeMapping = outcomes(checks, outcomeMapping);
    checks.throwIfAny();
  }

  /**
   * A draft from input where anything may be missing: a missing text is reported as required,
   * missing maps and lists are empty, a missing priority is 0.
   *
   * @throws InvalidInput naming every bad field
   */
  public static MappingDraft of(
      @Nullable String canonicalId,
      @Nullable String name,
      @Nullable Map<String, String> sourceIds,
      @Nullable List<OutcomeMapping> outcomeMapping,
      @Nullable Integer priority) {
    return new MappingDraft(
        canonicalId == null ? "" : canonicalId,
        name == null ? "" : name,
        sourceIds == null ? Map.of() : sourceIds,
        outcomeMapping == null ? List.of() : outcomeMapping,
        priority == null ? 0 : priority);
  }

  /** The same draft with one more source id, or another id for that source. */
  MappingDraft withSourceId(String source, String externalId) {
    Map<String, String> ids = new TreeMap<>(sourceIds);
    ids.put(source, externalId);
    return new MappingDraft(canonicalId, name, ids, outcomeMapping, priority);
  }

  private static Map<String, String> sourceMap(
      Checks checks, String field, Map<String, String> given, int max) {
    Map<String, String> normal = new TreeMap<>();
    given.forEach(
        (source, value) -> {
          String key = checks.source(field + "." + source, source);
          String text = checks.required(field + "." + source, value, max);
          if (normal.put(key, text) != null) {
            checks.add(field + "." + source, "names a source given twice (names ignore case)");
          }
        });
    return Collections.unmodifiableMap(normal);
  }

  private static List<OutcomeMapping> outcomes(Checks checks, List<OutcomeMapping> given) {
    if (given.size() > MappingLimits.MAX_OUTCOMES) {
      checks.add("outcomeMapping", "at most " + MappingLimits.MAX_OUTCOMES + " outcomes");
      return List.of();
    }
    List<OutcomeMapping> normal = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < given.size(); i++) {
      String path = "outcomeMapping[" + i + "]";
      @Nullable OutcomeMapping outcome = given.get(i);
      if (outcome == null) {
        checks.add(path, "must be an object {canonical, sources}");
        continue;
      }
      String canonical =
          checks.required(path + ".canonical", outcome.canonical(), MappingLimits.CANONICAL_ID);
      if (!canonical.isEmpty() && !seen.add(canonical)) {
        checks.add(path + ".canonical", "'" + canonical + "' is given twice");
      }
      normal.add(
          new OutcomeMapping(
              canonical,
              sourceMap(checks, path + ".sources", outcome.sources(), MappingLimits.NAME)));
    }
    return List.copyOf(normal);
  }
}
