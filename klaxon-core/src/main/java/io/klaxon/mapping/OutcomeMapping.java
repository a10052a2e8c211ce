package io.klaxon.mapping;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One outcome of a canonical market and what each source calls it, e.g. canonical {@code 1} is
 * {@code Home} at sportybet. Checked as part of a {@link MappingDraft}.
 *
 * @param sources source name to the source's outcome name; sorted by source
 */
public record OutcomeMapping(String canonical, Map<String, String> sources) {

  public OutcomeMapping {
    sources = Collections.unmodifiableMap(new TreeMap<>(sources));
  }
}
