/**
 * Notification receivers, routes, the planner's cursor and the delivery log, on SQLite and
 * PostgreSQL.
 */
@NullMarked
package io.klaxon.store.jdbc.notify;

import org.jspecify.annotations.NullMarked;
