package io.klaxon.mapping;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The active mappings by (source, external id), in memory: an immutable snapshot replaced as a
 * whole, so that lookups take no lock and never see half a reload.
 */
final class ResolveCache {

  /** Source to external id to mapping; the revision of the store it was loaded at. */
  private record Snapshot(long revision, Map<String, Map<String, MarketMapping>> bySource) {}

  private final MappingStore store;
  private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

  ResolveCache(MappingStore store) {
    this.store = store;
  }

  Optional<MarketMapping> resolve(String source, String externalId) {
    Map<String, MarketMapping> ids = snapshot.bySource().get(Checks.sourceKey(source));
    return ids == null ? Optional.empty() : Optional.ofNullable(ids.get(externalId.strip()));
  }

  /** How many source ids resolve. */
  int size() {
    return snapshot.bySource().values().stream().mapToInt(Map::size).sum();
  }

  long revision() {
    return snapshot.revision();
  }

  /**
   * Loads the active mappings again. Synchronized, and an older load never replaces a newer one, so
   * that reloads after concurrent writes end on the newest state.
   */
  synchronized void reload() {
    ActiveMappings active = store.loadActive();
    if (active.revision() < snapshot.revision()) {
      return;
    }
    Map<String, Map<String, MarketMapping>> bySource = new HashMap<>();
    for (MarketMapping mapping : active.mappings()) {
      mapping
          .sourceIds()
          .forEach(
              (source, externalId) ->
                  bySource.computeIfAbsent(source, s -> new HashMap<>()).put(externalId, mapping));
    }
    bySource.replaceAll((source, ids) -> Map.copyOf(ids));
    snapshot = new Snapshot(active.revision(), Map.copyOf(bySource));
  }

  /**
   * Reloads when the store's revision moved (a change by another process on the same database).
   *
   * @return whether it reloaded
   */
  boolean reloadIfChanged() {
    if (store.revision() == snapshot.revision()) {
      return false;
    }
    reload();
    return true;
  }
}
