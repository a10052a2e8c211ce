package io.klaxon.suppress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Silences in a map, for core tests. */
final class InMemorySilenceStore implements SilenceStore {

  private final Map<Long, Silence> silences = new LinkedHashMap<>();
  private long next = 1;

  @Override
  public Silence add(Silence silence) {
    Silence stored = silence.withId(next++);
    silences.put(stored.id(), stored);
    return stored;
  }

  @Override
  public void update(Silence silence) {
    silences.put(silence.id(), silence);
  }

  @Override
  public Optional<Silence> find(long id) {
    return Optional.ofNullable(silences.get(id));
  }

  @Override
  public Optional<Silence> findByUuid(String uuid) {
    return silences.values().stream().filter(s -> s.uuid().equals(uuid)).findFirst();
  }

  @Override
  public List<Silence> all() {
    return new ArrayList<>(silences.values());
  }
}
