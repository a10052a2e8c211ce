/**
 * Escalation policies through the API, the job that starts escalations from the change feed and
 * fires their steps through the notification outbox, and the escalations of an alert.
 */
@NullMarked
package io.klaxon.server.escalation;

import org.jspecify.annotations.NullMarked;
