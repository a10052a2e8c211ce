package io.klaxon.server.mapping;

import io.klaxon.mapping.MappingDraft;
import io.klaxon.mapping.OutcomeMapping;
import io.klaxon.server.problem.FieldErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The body of POST /api/mappings and PUT /api/mappings/{id}: a mapping's content and why. JSON
 * nulls inside the maps and lists reach the core, which names each as a bad field.
 */
record MappingRequest(
    @Nullable String canonicalId,
    @Nullable String name,
    @Nullable Map<String, String> sourceIds,
    @Nullable List<Outcome> outcomeMapping,
    @Nullable Integer priority,
    @Nullable String reason) {

  /** One outcome as sent: the canonical name and what each source calls it. */
  record Outcome(@Nullable String canonical, @Nullable Map<String, String> sources) {}

  /** The draft, or null with every fault recorded in {@code errors}. */
  @Nullable MappingDraft draft(FieldErrors errors) {
    return errors.attempt(
        "",
        () -> MappingDraft.of(canonicalId, name, sourceIds, outcomes(outcomeMapping), priority));
  }

  /**
   * Outcomes for the core: a missing canonical name becomes empty text (reported as required), a
   * null outcome stays null (reported as not an object).
   */
  static @Nullable List<OutcomeMapping> outcomes(@Nullable List<Outcome> outcomes) {
    if (outcomes == null) {
      return null;
    }
    List<OutcomeMapping> converted = new ArrayList<>(outcomes.size());
    for (Outcome outcome : outcomes) {
      @Nullable Outcome given = outcome;
      converted.add(
          given == null
              ? null
              : new OutcomeMapping(
                  given.canonical() == null ? "" : given.canonical(),
                  given.sources() == null ? Map.of() : given.sources()));
    }
    return converted;
  }
}
