package io.klaxon.server.alert;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Entries of an alert's history that are kept elsewhere and merged in by time when the history is
 * read (the notification attempts): they change nothing on the alert, so each shows the version and
 * status the alert had then, like a note.
 */
public interface HistoryAppendix {

  /** The alert's extra entries, in any order. */
  List<Entry> entriesOf(long alertId);

  /** One extra entry: when, who, what (a lowercase action word), and its text. */
  record Entry(Instant at, String actor, String action, @Nullable String note) {}
}
