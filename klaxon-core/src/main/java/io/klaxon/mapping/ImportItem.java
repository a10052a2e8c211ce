package io.klaxon.mapping;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One mapping of an import, as given: matched to a stored mapping by canonical id. Anything may be
 * missing or wrong; the importer rejects the item then, naming the fields.
 *
 * @param active whether the mapping is to be active; null means true
 */
public record ImportItem(
    @Nullable String canonicalId,
    @Nullable String name,
    @Nullable Map<String, String> sourceIds,
    @Nullable List<OutcomeMapping> outcomeMapping,
    @Nullable Integer priority,
    @Nullable Boolean active) {

  /** An item with the content of a stored mapping and its active state: for export. */
  public static ImportItem of(MarketMapping mapping) {
    return new ImportItem(
        mapping.canonicalId(),
        mapping.name(),
        mapping.sourceIds(),
        mapping.outcomeMapping(),
        mapping.priority(),
        mapping.active());
  }
}
