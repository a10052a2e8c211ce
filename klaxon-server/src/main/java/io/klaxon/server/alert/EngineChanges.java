package io.klaxon.server.alert;

import io.klaxon.alert.Alert;
import io.klaxon.engine.AlertEngine;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** One instance's live changes: its engine's commits, handed over on the writer's thread. */
final class EngineChanges implements LiveChanges {

  private final AlertEngine engine;

  EngineChanges(AlertEngine engine) {
    this.engine = engine;
  }

  @Override
  public void follow(Consumer<List<Alert>> listener, BooleanSupplier wanted) {
    // Offering to no client costs nothing, so the engine's listener needs no demand.
    engine.onCommitted(listener);
  }

  @Override
  public void joined() {
    // Every commit after the client was added reaches it: nothing to catch up.
  }
}
