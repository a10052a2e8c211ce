package io.klaxon.detect.odds;

import io.klaxon.alert.Subject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One event's series and what is known of it: name, kick-off, when the house last showed it. */
final class EventBook {

  static final String SUBJECT_TYPE = "event";

  final String eventId;
  private @Nullable String name;
  private Instant kickoff;
  private @Nullable Subject subject;
  private final Map<SeriesKey, Series> series = new HashMap<>();

  /** When the house last showed any market of the event; absent until it has. */
  long houseSeenAt = Long.MIN_VALUE;

  EventBook(String eventId, Instant kickoff) {
    this.eventId = eventId;
    this.kickoff = kickoff;
  }

  /** Takes the latest name and kick-off (a match can be moved); a given name is never forgotten. */
  void update(@Nullable String newName, Instant newKickoff) {
    if ((newName != null && !newName.equals(name)) || !newKickoff.equals(kickoff)) {
      name = newName != null ? newName : name;
      kickoff = newKickoff;
      subject = null;
    }
  }

  Instant kickoff() {
    return kickoff;
  }

  /** {@code event/{eventId}} with its name and kick-off as {@code startsAt}. */
  Subject subject() {
    Subject known = subject;
    if (known == null) {
      known = new Subject(SUBJECT_TYPE, eventId, name == null ? eventId : name, kickoff, Map.of());
      subject = known;
    }
    return known;
  }

  /** The series of the key, made with the market's name on its first snapshot. */
  Series series(SeriesKey key, String marketName, @Nullable UndoLog undo) {
    Series found = series.get(key);
    if (found == null) {
      found = new Series(key, marketName);
      series.put(key, found);
      if (undo != null) {
        undo.record(() -> series.remove(key));
      }
    }
    return found;
  }

  /** The series of the key, if the event has it. */
  @Nullable Series find(@Nullable SeriesKey key) {
    return key == null ? null : series.get(key);
  }

  /** Whether {@link #update} with these would change anything. */
  boolean wouldChange(@Nullable String newName, Instant newKickoff) {
    return (newName != null && !newName.equals(name)) || !newKickoff.equals(kickoff);
  }

  /** Records how to put back the name, kick-off and house sighting as they are now. */
  void remember(UndoLog undo) {
    String oldName = name;
    Instant oldKickoff = kickoff;
    Subject oldSubject = subject;
    long oldHouseSeenAt = houseSeenAt;
    undo.record(
        () -> {
          name = oldName;
          kickoff = oldKickoff;
          subject = oldSubject;
          houseSeenAt = oldHouseSeenAt;
        });
  }

  boolean houseSeen() {
    return houseSeenAt != Long.MIN_VALUE;
  }
}
