package io.klaxon.suppress;

import java.util.List;
import java.util.Optional;

/** Where maintenance windows are kept. */
public interface MaintenanceWindowStore {

  /** Stores a new window and answers it with its assigned id. */
  MaintenanceWindow add(MaintenanceWindow window);

  /** Replaces the window with the same id; answers whether there was one. */
  boolean update(MaintenanceWindow window);

  /** Deletes the window; answers whether there was one. */
  boolean delete(long id);

  /** The window with this id, if there is one. */
  Optional<MaintenanceWindow> find(long id);

  /** Every window, by id. */
  List<MaintenanceWindow> all();
}
