package io.klaxon.mapping;

import java.util.List;

/**
 * Every active mapping, for the lookup cache.
 *
 * @param revision the store's {@link MappingStore#revision()} read before the mappings, so that the
 *     mappings are at least as new as it says
 */
public record ActiveMappings(long revision, List<MarketMapping> mappings) {

  public ActiveMappings {
    mappings = List.copyOf(mappings);
  }
}
