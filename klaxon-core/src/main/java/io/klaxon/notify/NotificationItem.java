package io.klaxon.notify;

import io.klaxon.alert.AlertStatus;
import io.klaxon.alert.Severity;
import java.time.Instant;

/**
 * One alert change carried by a notification, with the alert's severity, status and title as they
 * were when it was planned (the alert may change or be deleted before it is sent).
 *
 * @param at when the change happened
 */
public record NotificationItem(
    long alertId,
    Occasion occasion,
    Severity severity,
    AlertStatus status,
    String title,
    Instant at) {}
