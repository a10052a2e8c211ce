package io.klaxon.mapping;

import java.util.List;

/** One page of the unmapped market log, and how many entries match in all. */
public record UnmappedPage(List<UnmappedMarket> markets, long total) {

  public UnmappedPage {
    markets = List.copyOf(markets);
  }
}
