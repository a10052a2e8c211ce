package io.klaxon.mapping;

/**
 * An unmapped market given a mapping: the mapping as it is now, the market marked {@link
 * UnmappedStatus#MAPPED}, and whether the mapping was created for it.
 */
public record MappedMarket(MarketMapping mapping, UnmappedMarket market, boolean created) {}
