package io.klaxon.engine;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry.FieldChange;
import io.klaxon.alert.Suppressor;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** How a change of what suppresses an alert is written in its history. */
final class SuppressionRules {

  private SuppressionRules() {}

  /** {@code suppressed} when something suppresses the alert after the change, else the end. */
  static HistoryAction action(Alert after) {
    return after.suppressed() ? HistoryAction.SUPPRESSED : HistoryAction.UNSUPPRESSED;
  }

  /** The {@code suppressedBy} field, before to after, as history text. */
  static FieldChange change(Alert before, Alert after) {
    return new FieldChange("suppressedBy", text(before.suppressedBy()), text(after.suppressedBy()));
  }

  private static @Nullable String text(List<Suppressor> suppressors) {
    return suppressors.isEmpty()
        ? null
        : String.join(", ", suppressors.stream().map(Suppressor::text).toList());
  }
}
