package io.klaxon.notify;

import java.time.Instant;

/**
 * A receiver or route as the configuration gave it: its JSON document, kept as written (the server
 * reads it back through the same checks as the API).
 *
 * @param position the route's place in the order (receivers keep the order they were added in)
 */
public record ConfigDocument(
    ConfigKind kind, String name, int position, String json, Instant updatedAt, String updatedBy) {}
