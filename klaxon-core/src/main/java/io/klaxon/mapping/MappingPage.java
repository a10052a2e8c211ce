package io.klaxon.mapping;

import java.util.List;

/** One page of a mapping list, and how many mappings match in all. */
public record MappingPage(List<MarketMapping> mappings, long total) {

  public MappingPage {
    mappings = List.copyOf(mappings);
  }
}
