package io.klaxon.server.alert;

import io.klaxon.alert.Alert;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Where the live stream ({@code GET /api/alerts/stream}, the console) hears of committed alert
 * changes: the engine's commits in process on one instance, the change feed in PostgreSQL in
 * cluster mode (where the owner of a partition may be another instance).
 */
public interface LiveChanges {

  /**
   * Hands {@code listener} the alerts of committed changes, in commit order, while {@code wanted}
   * says a client follows; the listener must not block.
   */
  void follow(Consumer<List<Alert>> listener, BooleanSupplier wanted);

  /**
   * A client started following: every change committed from now on reaches the listener, none
   * twice. Called after {@code wanted} has become true.
   */
  void joined();
}
