package io.klaxon.suppress;

import java.util.List;
import java.util.Optional;

/** Where silences are kept; expired ones stay, as history. */
public interface SilenceStore {

  /** Stores a new silence and answers it with its assigned id. */
  Silence add(Silence silence);

  /** Replaces the silence with the same id (its span, its update time). */
  void update(Silence silence);

  /** The silence with Klaxon's id, if there is one. */
  Optional<Silence> find(long id);

  /** The silence with Alertmanager's id, if there is one. */
  Optional<Silence> findByUuid(String uuid);

  /** Every silence, oldest first. */
  List<Silence> all();
}
