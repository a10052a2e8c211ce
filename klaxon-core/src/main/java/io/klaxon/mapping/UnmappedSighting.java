package io.klaxon.mapping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A market seen at a source with no active mapping, once or several times: what the unmapped log
 * counts. Sightings of one market merge into one before they are written.
 *
 * @param sampleOutcomes outcome names seen with it; may be empty
 * @param occurrences how many sightings this stands for, at least 1
 */
public record UnmappedSighting(
    String source,
    String externalMarketId,
    @Nullable String marketName,
    List<String> sampleOutcomes,
    long occurrences,
    Instant firstSeenAt,
    Instant lastSeenAt) {

  /**
   * @throws io.klaxon.problem.InvalidInput naming every bad field
   */
  public UnmappedSighting {
    Checks checks = new Checks();
    source = checks.source("source", source);
    externalMarketId =
        checks.required("externalMarketId", externalMarketId, MappingLimits.EXTERNAL_ID);
    marketName = checks.optional("marketName", marketName, MappingLimits.NAME);
    if (sampleOutcomes.size() > MappingLimits.MAX_SAMPLE_OUTCOMES) {
      checks.add(
          "sampleOutcomes", "at most " + MappingLimits.MAX_SAMPLE_OUTCOMES + " outcome names");
    }
    List<String> outcomes = new ArrayList<>();
    for (int i = 0; i < sampleOutcomes.size(); i++) {
      outcomes.add(
          checks.required("sampleOutcomes[" + i + "]", sampleOutcomes.get(i), MappingLimits.NAME));
    }
    sampleOutcomes = List.copyOf(outcomes);
    if (occurrences < 1) {
      checks.add("occurrences", "must be at least 1");
    }
    if (lastSeenAt.isBefore(firstSeenAt)) {
      checks.add("lastSeenAt", "must not be before firstSeenAt");
    }
    checks.throwIfAny();
  }

  /** One sighting at one time. */
  public static UnmappedSighting of(
      String source,
      String externalMarketId,
      @Nullable String marketName,
      List<String> sampleOutcomes,
      Instant seenAt) {
    return new UnmappedSighting(
        source, externalMarketId, marketName, sampleOutcomes, 1, seenAt, seenAt);
  }

  /** The market this is a sighting of: (source, external market id). */
  public Key key() {
    return new Key(source, externalMarketId);
  }

  /** One sighting standing for both: counts add up, times widen, the later names win. */
  public UnmappedSighting merge(UnmappedSighting other) {
    if (!key().equals(other.key())) {
      throw new IllegalArgumentException("sightings of different markets do not merge");
    }
    boolean otherIsLater = !other.lastSeenAt.isBefore(lastSeenAt);
    UnmappedSighting later = otherIsLater ? other : this;
    UnmappedSighting earlier = otherIsLater ? this : other;
    return new UnmappedSighting(
        source,
        externalMarketId,
        later.marketName != null ? later.marketName : earlier.marketName,
        later.sampleOutcomes.isEmpty() ? earlier.sampleOutcomes : later.sampleOutcomes,
        Math.addExact(occurrences, other.occurrences),
        firstSeenAt.isBefore(other.firstSeenAt) ? firstSeenAt : other.firstSeenAt,
        later.lastSeenAt);
  }

  /** Identifies an unmapped market: a source and the id it gives the market. */
  public record Key(String source, String externalMarketId) {}
}
