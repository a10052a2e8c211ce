package io.klaxon.settings;

import io.klaxon.access.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where settings sections are kept, each as one JSON document, with a history entry for every
 * change written in the same transaction.
 */
public interface SettingsStore {

  /** The section as last saved; empty when it was never saved (it runs on its defaults). */
  Optional<String> load(String section);

  /** Replaces the section and records who changed it from what to what. */
  void save(String section, String json, Actor actor, Instant at);

  /** The section's changes, newest first, at most {@code limit}. */
  List<SettingsChange> history(String section, int limit);
}
