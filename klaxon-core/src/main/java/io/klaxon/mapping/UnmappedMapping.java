package io.klaxon.mapping;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Gives an unmapped market a mapping, inside one mapping transaction. */
final class UnmappedMapping {

  private UnmappedMapping() {}

  static MappedMarket toNew(
      MappingTransaction tx,
      long unmappedId,
      @Nullable String canonicalId,
      @Nullable String name,
      @Nullable List<OutcomeMapping> outcomeMapping,
      @Nullable Integer priority,
      Edit edit,
      Instant at) {
    UnmappedMarket market = unmapped(tx, unmappedId);
    MappingDraft draft =
        MappingDraft.of(
            canonicalId,
            name == null ? market.marketName() : name,
            Map.of(market.source(), market.externalMarketId()),
            outcomeMapping,
            priority);
    MarketMapping mapping = MarketMapping.of(draft, true, at, edit.actor());
    MarketMapping saved =
        tx.save(new MappingChange(AuditAction.CREATE, null, mapping, why(edit, market), at));
    return new MappedMarket(saved, tx.markMapped(unmappedId, saved.id()), true);
  }

  static MappedMarket toExisting(
      MappingTransaction tx, long unmappedId, long mappingId, Edit edit, Instant at) {
    UnmappedMarket market = unmapped(tx, unmappedId);
    MarketMapping current =
        tx.findById(mappingId).orElseThrow(() -> new NotFound("mapping", mappingId));
    if (!current.active()) {
      throw new Conflict("mappingId", describe(current) + " is inactive: activate it first");
    }
    String held = current.sourceIds().get(market.source());
    if (held != null && !held.equals(market.externalMarketId())) {
      throw new Conflict(
          "mappingId",
          describe(current)
              + " already maps "
              + market.source()
              + " to '"
              + held
              + "': edit the mapping to change that");
    }
    MarketMapping mapping = current;
    if (held == null) {
      MappingDraft draft = current.draft().withSourceId(market.source(), market.externalMarketId());
      MarketMapping next = current.revise(draft, at);
      mapping =
          tx.save(new MappingChange(AuditAction.UPDATE, current, next, why(edit, market), at));
    }
    return new MappedMarket(mapping, tx.markMapped(unmappedId, mapping.id()), false);
  }

  private static UnmappedMarket unmapped(MappingTransaction tx, long id) {
    return tx.findUnmapped(id).orElseThrow(() -> new NotFound("unmapped market", id));
  }

  /** The given reason, or one that says where the change came from. */
  private static Edit why(Edit edit, UnmappedMarket market) {
    return edit.orReason(
        "mapped unmapped market "
            + market.id()
            + " ("
            + market.source()
            + " "
            + market.externalMarketId()
            + ")");
  }

  private static String describe(MarketMapping mapping) {
    return "mapping '" + mapping.canonicalId() + "' (id " + mapping.id() + ")";
  }
}
