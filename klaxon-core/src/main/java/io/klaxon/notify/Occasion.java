package io.klaxon.notify;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.HistoryAction;
import io.klaxon.alert.HistoryEntry;
import io.klaxon.alert.Severity;
import io.klaxon.problem.InvalidInput;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Why an alert is notified: the kind of change, or a reminder that it is still open. */
public enum Occasion {
  OPENED,
  ESCALATED,
  ACKNOWLEDGED,
  RESOLVED,
  EXPIRED,
  /** Still open after the route's repeat interval; never chosen in a route's {@code notifyOn}. */
  REPEATED;

  /** The lowercase word used in the API, the configuration and the stored rows. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads an occasion a route may notify on.
   *
   * @throws InvalidInput naming {@code field} for any other word (and for {@code repeated})
   */
  public static Occasion parse(String field, String text) {
    for (Occasion occasion : values()) {
      if (occasion != REPEATED && occasion.word().equalsIgnoreCase(text.strip())) {
        return occasion;
      }
    }
    throw new InvalidInput(
        field,
        "'"
            + text
            + "' is not one of "
            + Arrays.stream(values()).filter(o -> o != REPEATED).map(Occasion::word).toList());
  }

  /** The stored word back to the occasion, repeated included. */
  public static Occasion ofWord(String word) {
    return valueOf(word.toUpperCase(Locale.ROOT));
  }

  /**
   * The occasion a history entry is, if any: a created alert is opened, a re-trigger that raised
   * the severity is escalated, and the status changes keep their name. Notes, re-triggers at the
   * same or a lower severity, dismissals and un-acknowledgements notify nobody; the end of a
   * suppression of an open alert notifies as its opening.
   */
  public static Optional<Occasion> of(HistoryEntry entry) {
    return switch (entry.action()) {
      case CREATED -> Optional.of(OPENED);
      case RETRIGGERED -> severityRaised(entry) ? Optional.of(ESCALATED) : Optional.empty();
      case ACKNOWLEDGED -> Optional.of(ACKNOWLEDGED);
      case RESOLVED -> Optional.of(RESOLVED);
      case EXPIRED -> Optional.of(EXPIRED);
      // A suppressed alert's notifications are held; when suppression ends on an alert still
      // open, the held notification goes out as its opening.
      case UNSUPPRESSED ->
          entry.toStatus() == AlertStatus.OPEN ? Optional.of(OPENED) : Optional.empty();
      case UNACKNOWLEDGED, DISMISSED, NOTED, SUPPRESSED -> Optional.empty();
    };
  }

  private static boolean severityRaised(HistoryEntry entry) {
    if (entry.action() != HistoryAction.RETRIGGERED) {
      return false;
    }
    for (HistoryEntry.FieldChange change : entry.changes()) {
      if (change.field().equals("severity") && change.from() != null && change.to() != null) {
        return Severity.parse(change.to()).rank() > Severity.parse(change.from()).rank();
      }
    }
    return false;
  }
}
