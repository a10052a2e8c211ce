package io.klaxon.store;

import io.klaxon.alert.Alert;
import io.klaxon.alert.HistoryEntry;

/**
 * One committed change read back from the {@link ChangeFeed}.
 *
 * @param position where the change is in the feed
 * @param entry the change, as the alert's history records it
 * @param alert the alert as it stands when read, which may be later than {@code entry}'s version
 */
public record AlertChange(long position, HistoryEntry entry, Alert alert) {}
