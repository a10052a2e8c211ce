package io.klaxon.suppress;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing suppressing an alert.
 *
 * @param id the silence's uuid, the window's id, the rule's name, or the alert's own id for a
 *     snooze
 * @param until when it stops on its own; null when it lasts as long as something else does (an
 *     inhibiting alert)
 */
public record Suppressor(SuppressionKind kind, String id, @Nullable Instant until) {}
