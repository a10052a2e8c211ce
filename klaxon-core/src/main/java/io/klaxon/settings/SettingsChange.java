package io.klaxon.settings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One change of a settings section: who made it, when, and the whole section before and after, as
 * JSON text.
 *
 * @param oldValue the section before the change; null when it ran on its defaults
 */
public record SettingsChange(
    String section, Instant at, String actor, @Nullable String oldValue, String newValue) {}
