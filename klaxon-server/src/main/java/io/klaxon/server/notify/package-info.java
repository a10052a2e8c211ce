/**
 * Notifications in the server: the receiver and route API and configuration file, the senders
 * (webhook, Slack, email), the job that plans from the change feed and dispatches the outbox, the
 * dead letters and the notification log of an alert. See docs/NOTIFICATIONS.md.
 */
@NullMarked
package io.klaxon.server.notify;

import org.jspecify.annotations.NullMarked;
