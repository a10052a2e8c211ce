package io.klaxon.mapping;

import io.klaxon.problem.Conflict;
import io.klaxon.problem.NotFound;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The market mapping registry: every change of a mapping, with its audit entry in the same
 * transaction, and lookups served from an in-memory copy of the active mappings that is reloaded
 * after each change made here and, by {@link #refresh}, after changes made elsewhere.
 *
 * <p>Thread-safe. Close it to write the unmapped sightings still buffered.
 */
public final class MappingRegistry implements MarketResolver, AutoCloseable {

  private final MappingStore store;
  private final InstantSource clock;
  private final ResolveCache cache;
  private final UnmappedRecorder unmapped;

  private MappingRegistry(MappingStore store, InstantSource clock) {
    this.store = store;
    this.clock = clock;
    this.cache = new ResolveCache(store);
    this.unmapped = new UnmappedRecorder(store);
  }

  /**
   * A registry over a store, with the active mappings loaded.
   *
   * @throws io.klaxon.problem.Unavailable when the store cannot be reached
   */
  public static MappingRegistry open(MappingStore store, InstantSource clock) {
    MappingRegistry registry = new MappingRegistry(store, clock);
    registry.cache.reload();
    return registry;
  }

  @Override
  public Optional<MarketMapping> resolve(String source, String externalId) {
    return cache.resolve(source, externalId);
  }

  @Override
  public void recordUnmapped(UnmappedSighting sighting) {
    unmapped.record(sighting);
  }

  /**
   * Writes the buffered unmapped sightings in one batch; on failure they stay buffered.
   *
   * @return how many markets were written
   */
  public int flushUnmapped() {
    return unmapped.flush();
  }

  /**
   * Reloads the lookups when the store changed since they were loaded (another instance wrote).
   *
   * @return whether it reloaded
   */
  public boolean refresh() {
    return cache.reloadIfChanged();
  }

  /** How many (source, external id) pairs resolve. */
  public int resolvableIds() {
    return cache.size();
  }

  /**
   * Creates a mapping from the draft.
   *
   * @throws Conflict when the canonical id or an active source id is taken
   */
  public MarketMapping create(MappingDraft draft, Edit edit) {
    return write(
        tx -> {
          Instant at = now();
          MarketMapping mapping = MarketMapping.of(draft, true, at, edit.actor());
          return tx.save(new MappingChange(AuditAction.CREATE, null, mapping, edit, at));
        });
  }

  /**
   * Replaces a mapping's content; writes nothing when it is the same.
   *
   * @throws NotFound when there is no mapping {@code id}
   * @throws Conflict when the canonical id or an active source id is taken
   */
  public MarketMapping update(long id, MappingDraft draft, Edit edit) {
    return write(
        tx -> change(tx, id, AuditAction.UPDATE, current -> current.revise(draft, now()), edit));
  }

  /** Soft-deletes: deactivates, audited as DELETE; writes nothing when already inactive. */
  public MarketMapping delete(long id, Edit edit) {
    return setActive(id, false, AuditAction.DELETE, edit);
  }

  /**
   * Writes nothing when already active.
   *
   * @throws Conflict when another active mapping took one of its source ids meanwhile
   */
  public MarketMapping activate(long id, Edit edit) {
    return setActive(id, true, AuditAction.ACTIVATE, edit);
  }

  /** Writes nothing when already inactive. */
  public MarketMapping deactivate(long id, Edit edit) {
    return setActive(id, false, AuditAction.DEACTIVATE, edit);
  }

  /**
   * Creates or updates mappings by canonical id, each item on its own; see {@link ImportReport}.
   */
  public ImportReport importAll(List<ImportItem> items, Edit edit) {
    try {
      return new Importer(store, this::now).apply(items, edit.orReason("import"));
    } finally {
      cache.reload();
    }
  }

  /**
   * Creates a mapping for an unmapped market and marks the market MAPPED, in one transaction. The
   * mapping's source ids are the market's; a missing name is the market's name.
   *
   * @throws NotFound when there is no unmapped market {@code unmappedId}
   * @throws io.klaxon.problem.InvalidInput naming every bad field of the new mapping
   * @throws Conflict when the canonical id or the market's source id is taken
   */
  public MappedMarket mapToNew(
      long unmappedId,
      @Nullable String canonicalId,
      @Nullable String name,
      @Nullable List<OutcomeMapping> outcomeMapping,
      @Nullable Integer priority,
      Edit edit) {
    return write(
        tx ->
            UnmappedMapping.toNew(
                tx, unmappedId, canonicalId, name, outcomeMapping, priority, edit, now()));
  }

  /**
   * Adds an unmapped market's id to an active mapping and marks the market MAPPED, in one
   * transaction; only marks it when the mapping holds that id already.
   *
   * @throws NotFound when there is no such unmapped market or mapping
   * @throws Conflict naming {@code mappingId} when the mapping is inactive or holds another id for
   *     the market's source, or naming the source id when another active mapping holds it
   */
  public MappedMarket mapToExisting(long unmappedId, long mappingId, Edit edit) {
    return write(tx -> UnmappedMapping.toExisting(tx, unmappedId, mappingId, edit, now()));
  }

  /** Writes the buffered unmapped sightings. */
  @Override
  public void close() {
    unmapped.flush();
  }

  private MarketMapping setActive(long id, boolean active, AuditAction action, Edit edit) {
    return write(tx -> change(tx, id, action, current -> current.withActive(active, now()), edit));
  }

  /** Applies {@code next} to the stored mapping; saves only when it returns another mapping. */
  private MarketMapping change(
      MappingTransaction tx,
      long id,
      AuditAction action,
      Function<MarketMapping, MarketMapping> next,
      Edit edit) {
    MarketMapping current = tx.findById(id).orElseThrow(() -> new NotFound("mapping", id));
    MarketMapping changed = next.apply(current);
    if (changed.equals(current)) { // unchanged: revise and withActive answer the same mapping
      return current;
    }
    return tx.save(new MappingChange(action, current, changed, edit, changed.updatedAt()));
  }

  /** Runs one transaction, then reloads the lookups so that the change resolves at once. */
  private <T> T write(Function<MappingTransaction, T> work) {
    T result = store.inTransaction(work);
    cache.reload();
    return result;
  }

  private Instant now() {
    // The stores keep microseconds: a finer time would not survive a round trip.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
