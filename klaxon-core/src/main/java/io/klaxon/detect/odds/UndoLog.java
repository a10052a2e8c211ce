package io.klaxon.detect.odds;

import java.util.ArrayList;
import java.util.List;

/**
 * How to take back what one batch of snapshots did to the detector's state: a step per change,
 * undone last first. Each step puts back the few values its change overwrote (a window's ring
 * position and the slot it wrote, a series' or an event's fields, an entry added to a map), so
 * keeping it costs little next to copying the windows.
 */
final class UndoLog {

  private final List<Runnable> steps = new ArrayList<>();

  void record(Runnable step) {
    steps.add(step);
  }

  /** Undoes every recorded change, newest first, and forgets them. */
  void undo() {
    for (int i = steps.size() - 1; i >= 0; i--) {
      steps.get(i).run();
    }
    steps.clear();
  }
}
