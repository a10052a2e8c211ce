package io.klaxon.mapping;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A {@link MappingStore} in memory, for tests: it keeps the constraints of the schema (unique
 * canonical ids, one active holder per source id) and undoes a transaction whose work throws. Test
 * hooks: {@link #failNext} and {@link #loads}. Thread-safe: every method holds the lock.
 */
public final class InMemoryMappingStore implements MappingStore {

  private TreeMap<Long, MarketMapping> mappings = new TreeMap<>();
  private List<MappingAuditEntry> audit = new ArrayList<>();
  private TreeMap<Long, UnmappedMarket> unmapped = new TreeMap<>();
  private long revision;
  private int loads;
  private @Nullable RuntimeException nextFailure;

  /** The next store call that writes throws this, and writes nothing. */
  public synchronized void failNext(RuntimeException failure) {
    nextFailure = failure;
  }

  /** How many times the active mappings were loaded. */
  public synchronized int loads() {
    return loads;
  }

  /** Another process changed the mappings: only the revision shows it. */
  public synchronized void bumpRevision() {
    revision++;
  }

  @Override
  public synchronized <T> T inTransaction(Function<MappingTransaction, T> work) {
    throwIfFailing();
    var savedMappings = new TreeMap<>(mappings);
    var savedAudit = new ArrayList<>(audit);
    var savedUnmapped = new TreeMap<>(unmapped);
    try {
      T result = work.apply(new Transaction());
      revision++;
      return result;
    } catch (RuntimeException e) {
      mappings = savedMappings;
      audit = savedAudit;
      unmapped = savedUnmapped;
      throw e;
    }
  }

  @Override
  public synchronized long revision() {
    return revision;
  }

  @Override
  public synchronized ActiveMappings loadActive() {
    loads++;
    return new ActiveMappings(
        revision, mappings.values().stream().filter(MarketMapping::active).toList());
  }

  @Override
  public synchronized Optional<MarketMapping> findById(long id) {
    return Optional.ofNullable(mappings.get(id));
  }

  @Override
  public synchronized MappingPage find(MappingQuery query) {
    List<MarketMapping> all =
        mappings.values().stream()
            .filter(m -> query.active() == null || m.active() == query.active())
            .sorted(
                Comparator.comparing(MarketMapping::priority)
                    .reversed()
                    .thenComparing(MarketMapping::canonicalId))
            .toList();
    return new MappingPage(
        all.stream().skip(query.offset()).limit(query.limit()).toList(), all.size());
  }

  @Override
  public synchronized List<MarketMapping> all() {
    return mappings.values().stream()
        .sorted(Comparator.comparing(MarketMapping::canonicalId))
        .toList();
  }

  @Override
  public synchronized List<MappingAuditEntry> auditOf(long mappingId) {
    return audit.stream().filter(e -> e.mappingId() == mappingId).toList();
  }

  @Override
  public synchronized AuditPage audit(AuditQuery query) {
    return new AuditPage(audit.reversed().stream().limit(query.limit()).toList(), audit.size());
  }

  @Override
  public synchronized void recordUnmapped(List<UnmappedSighting> sightings) {
    throwIfFailing();
    for (UnmappedSighting sighting : sightings) {
      UnmappedMarket known =
          unmapped.values().stream()
              .filter(u -> u.source().equals(sighting.source()))
              .filter(u -> u.externalMarketId().equals(sighting.externalMarketId()))
              .findFirst()
              .orElse(null);
      long id = known != null ? known.id() : unmapped.isEmpty() ? 1 : unmapped.lastKey() + 1;
      UnmappedSighting s = known == null ? sighting : sightingOf(known).merge(sighting);
      unmapped.put(
          id,
          new UnmappedMarket(
              id,
              s.source(),
              s.externalMarketId(),
              s.marketName(),
              s.sampleOutcomes(),
              s.firstSeenAt(),
              s.lastSeenAt(),
              s.occurrences(),
              known == null ? UnmappedStatus.NEW : known.status(),
              known == null ? null : known.notes(),
              known == null ? null : known.mappingId()));
    }
  }

  private static UnmappedSighting sightingOf(UnmappedMarket market) {
    return new UnmappedSighting(
        market.source(),
        market.externalMarketId(),
        market.marketName(),
        market.sampleOutcomes(),
        market.occurrenceCount(),
        market.firstSeenAt(),
        market.lastSeenAt());
  }

  @Override
  public synchronized Optional<UnmappedMarket> findUnmapped(long id) {
    return Optional.ofNullable(unmapped.get(id));
  }

  @Override
  public synchronized UnmappedPage findUnmapped(UnmappedQuery query) {
    return new UnmappedPage(List.copyOf(unmapped.values()), unmapped.size());
  }

  @Override
  public synchronized UnmappedMarket updateUnmapped(long id, UnmappedPatch patch) {
    throw new UnsupportedOperationException("not needed by the core's tests");
  }

  private void throwIfFailing() {
    RuntimeException failure = nextFailure;
    if (failure != null) {
      nextFailure = null;
      throw failure;
    }
  }

  /** The work's view: reads and writes go to the store's maps, undone if the work throws. */
  private final class Transaction implements MappingTransaction {

    @Override
    public Optional<MarketMapping> findById(long id) {
      return Optional.ofNullable(mappings.get(id));
    }

    @Override
    public Optional<MarketMapping> findByCanonicalId(String canonicalId) {
      return mappings.values().stream()
          .filter(m -> m.canonicalId().equals(canonicalId))
          .findFirst();
    }

    @Override
    public Optional<UnmappedMarket> findUnmapped(long id) {
      return Optional.ofNullable(unmapped.get(id));
    }

    @Override
    public MarketMapping save(MappingChange change) {
      MarketMapping after = change.after();
      for (MarketMapping other : mappings.values()) {
        if (other.id() == after.id()) {
          continue;
        }
        if (other.canonicalId().equals(after.canonicalId())) {
          throw new Conflict("canonicalId", "taken by mapping " + other.id());
        }
        for (Map.Entry<String, String> id : after.sourceIds().entrySet()) {
          if (after.active()
              && other.active()
              && id.getValue().equals(other.sourceIds().get(id.getKey()))) {
            throw new Conflict("sourceIds." + id.getKey(), "held by mapping " + other.id());
          }
        }
      }
      long id =
          change.before() == null ? (mappings.isEmpty() ? 1 : mappings.lastKey() + 1) : after.id();
      MarketMapping saved = after.withId(id);
      mappings.put(id, saved);
      audit.add(
          new MappingAuditEntry(
              audit.size() + 1L,
              id,
              saved.canonicalId(),
              change.action(),
              change.before(),
              saved,
              change.edit().reason(),
              change.edit().actor().name(),
              change.at()));
      return saved;
    }

    @Override
    public UnmappedMarket markMapped(long unmappedId, long mappingId) {
      UnmappedMarket u = unmapped.get(unmappedId);
      if (u == null) {
        throw new NotFound("unmapped market", unmappedId);
      }
      UnmappedMarket marked =
          new UnmappedMarket(
              u.id(),
              u.source(),
              u.externalMarketId(),
              u.marketName(),
              u.sampleOutcomes(),
              u.firstSeenAt(),
              u.lastSeenAt(),
              u.occurrenceCount(),
              UnmappedStatus.MAPPED,
              u.notes(),
              mappingId);
      unmapped.put(unmappedId, marked);
      return marked;
    }
  }
}
