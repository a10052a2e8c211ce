package io.klaxon.notify;

import java.time.Instant;

/** A reminder due for an alert still open, per route and receiver. */
public record Repeat(String route, String receiver, long alertId, Instant dueAt) {}
