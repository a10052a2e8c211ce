package io.klaxon.server.odds;

import io.klaxon.detect.odds.OddsSnapshot;
import io.klaxon.problem.InvalidInput;
import io.klaxon.problem.Unchecked;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One odds snapshot as a producer sends it; {@link OddsSnapshot} does the checking. */
record SnapshotRequest(
    @Nullable String eventId,
    @Nullable String eventName,
    @Nullable Instant kickoff,
    @Nullable String bookmaker,
    @Nullable String marketId,
    @Nullable String marketName,
    @Nullable Double line,
    @Nullable String outcome,
    @Nullable Double odds,
    @Nullable Boolean available,
    @Nullable Instant observedAt) {

  OddsSnapshot toSnapshot() {
    if (odds == null) {
      throw new InvalidInput("odds", "is required");
    }
    return new OddsSnapshot(
        Unchecked.input(eventId),
        eventName,
        Unchecked.input(kickoff),
        Unchecked.input(bookmaker),
        Unchecked.input(marketId),
        Unchecked.input(marketName),
        line,
        Unchecked.input(outcome),
        odds,
        available == null || available,
        Unchecked.input(observedAt));
  }
}
