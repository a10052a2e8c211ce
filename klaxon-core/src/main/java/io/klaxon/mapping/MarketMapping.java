package io.klaxon.mapping;

import io.klaxon.access.Actor;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A canonical market and the id each source gives it, as stored. An inactive mapping is kept (soft
 * delete) but resolves nothing and holds none of its source ids.
 *
 * @param id the store's id; 0 for a mapping not stored yet
 * @param sourceIds source name to the source's market id, sorted by source
 * @param priority higher first in lists; the seed's ordering hint, not used to resolve
 * @param createdBy the actor who created it
 */
public record MarketMapping(
    long id,
    String canonicalId,
    String name,
    Map<String, String> sourceIds,
    List<OutcomeMapping> outcomeMapping,
    int priority,
    boolean active,
    Instant createdAt,
    Instant updatedAt,
    String createdBy) {

  public MarketMapping {
    sourceIds = Collections.unmodifiableMap(new TreeMap<>(sourceIds));
    outcomeMapping = List.copyOf(outcomeMapping);
  }

  /** A new, active mapping of a draft, not stored yet. */
  static MarketMapping of(MappingDraft draft, boolean active, Instant at, Actor actor) {
    return new MarketMapping(
        0,
        draft.canonicalId(),
        draft.name(),
        draft.sourceIds(),
        draft.outcomeMapping(),
        draft.priority(),
        active,
        at,
        at,
        actor.name());
  }

  /** Its content, as a draft. */
  public MappingDraft draft() {
    return new MappingDraft(canonicalId, name, sourceIds, outcomeMapping, priority);
  }

  /** This mapping with a new content; itself (the same instance) when nothing changes. */
  MarketMapping revise(MappingDraft draft, Instant at) {
    if (draft.equals(draft())) {
      return this;
    }
    return new MarketMapping(
        id,
        draft.canonicalId(),
        draft.name(),
        draft.sourceIds(),
        draft.outcomeMapping(),
        draft.priority(),
        active,
        createdAt,
        at,
        createdBy);
  }

  /** This mapping made active or inactive; itself when it already is. */
  MarketMapping withActive(boolean nowActive, Instant at) {
    if (nowActive == active) {
      return this;
    }
    return new MarketMapping(
        id,
        canonicalId,
        name,
        sourceIds,
        outcomeMapping,
        priority,
        nowActive,
        createdAt,
        at,
        createdBy);
  }

  /** This mapping as stored under an id. */
  public MarketMapping withId(long newId) {
    return new MarketMapping(
        newId,
        canonicalId,
        name,
        sourceIds,
        outcomeMapping,
        priority,
        active,
        createdAt,
        updatedAt,
        createdBy);
  }
}
