package io.klaxon.notify;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One try to deliver a notification, as the notification log shows it.
 *
 * @param statusCode the receiver's HTTP status (SMTP reply code for email); null when none came
 * @param error why it failed, null when delivered
 */
public record Attempt(
    long notificationId,
    String receiver,
    Instant at,
    boolean delivered,
    @Nullable Integer statusCode,
    Duration latency,
    @Nullable String error) {}
