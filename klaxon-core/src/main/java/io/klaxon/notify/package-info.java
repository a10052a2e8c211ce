/**
 * Notifications: receivers (webhook, Slack, email), ordered routes that decide which alert changes
 * notify whom, grouping, repeat, quiet hours, rate limits and the back-off of retries. Everything
 * here is pure: {@link io.klaxon.notify.NotificationPlanner} turns changes read from the change
 * feed into planned notifications, {@link io.klaxon.notify.NotificationStore} is the port to the
 * outbox tables, and the server sends.
 */
@NullMarked
package io.klaxon.notify;

import org.jspecify.annotations.NullMarked;
